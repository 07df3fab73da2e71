namespace FaceMesh.Hosting.Tests;

/// <summary>Changes the process's current folder: runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentFolderCollection
{
    public const string Name = "current folder";
}

[Collection(CurrentFolderCollection.Name)]
public sealed class ServiceDefaultsTests
{
    [Fact]
    public void AServiceStartedFromAnotherFolder_ReadsTheAppsettingsBesideItsDll()
    {
        var elsewhere = Directory.CreateTempSubdirectory("facemesh-cwd-").FullName;
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = elsewhere;

            var builder = ServiceDefaults.CreateBuilder([]);

            Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
            Assert.Equal("read from the appsettings.json beside the test binaries", builder.Configuration["ContentRootProbe"]);
        }
        finally
        {
            Environment.CurrentDirectory = before;
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
