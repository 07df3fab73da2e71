using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using FaceMesh.Testing;

namespace FaceMesh.Pipeline.Tests;

/// <summary>One embedded run over the test footage, shared by the tests that inspect its dataset.</summary>
public sealed class RunFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("facemesh-run-").FullName;

    public TestFootage Footage { get; private set; } = null!;

    public RunSummary Summary { get; private set; } = null!;

    public DatasetManifest Manifest { get; private set; } = null!;

    public string Output => Path.Combine(Folder, "dataset");

    public async Task InitializeAsync()
    {
        Footage = TestFootage.Create(Folder);
        await ModelsFixture.EnsureInstalledAsync();
        Summary = await EmbeddedPipeline.RunAsync(new RunOptions { Video = Footage.Path, Output = Output, Threads = 2 });
        Manifest = ManifestJson.Read(Path.Combine(Output, DatasetPaths.Manifest));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
