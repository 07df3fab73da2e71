using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using FaceMesh.Testing;

namespace FaceMesh.Review.Tests;

/// <summary>
/// A dataset made by the embedded pipeline (real models) from footage of the fixture photos, once per test run;
/// each test edits its own copy.
/// </summary>
public sealed class RealDataset : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-review-").FullName;

    public string Folder => Path.Combine(_root, "dataset");

    public DatasetManifest Manifest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var footage = TestFootage.Create(_root, secondsPerShot: 3, smallRepeats: false);
        await ModelsFixture.EnsureInstalledAsync();
        await EmbeddedPipeline.RunAsync(new RunOptions { Video = footage.Path, Output = Folder, Threads = 2 });
        Manifest = ManifestJson.Read(Path.Combine(Folder, DatasetPaths.Manifest));
    }

    /// <summary>A private copy of the dataset for one test.</summary>
    public string Copy()
    {
        var copy = Directory.CreateTempSubdirectory("facemesh-review-copy-").FullName;
        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RealDatasetCollection : ICollectionFixture<RealDataset>
{
    public const string Name = "real dataset";
}
