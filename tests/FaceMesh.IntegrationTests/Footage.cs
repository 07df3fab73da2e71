using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using FaceMesh.Testing;

namespace FaceMesh.IntegrationTests;

/// <summary>The test clip and what <c>facemesh run</c> makes of it, for comparison with distributed runs.</summary>
public sealed class Footage : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("facemesh-it-footage-").FullName;

    public TestFootage Clip { get; private set; } = null!;

    public DatasetManifest Embedded { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Clip = TestFootage.Create(Folder, secondsPerShot: 2, smallRepeats: false);
        var output = Path.Combine(Folder, "embedded");
        await ModelsFixture.EnsureInstalledAsync();
        await EmbeddedPipeline.RunAsync(new RunOptions { Video = Clip.Path, Output = output, Threads = 2 });
        Embedded = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
