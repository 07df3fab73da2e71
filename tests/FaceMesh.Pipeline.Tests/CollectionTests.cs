using FaceMesh.Engine.Detection;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using FaceMesh.Testing;

namespace FaceMesh.Pipeline.Tests;

/// <summary>
/// One dataset from several videos: footage made from the fixture photos twice (full size, then with the people shown
/// again smaller elsewhere in the frame), run as a collection and added one to the other.
/// </summary>
public sealed class CollectionTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-collection-").FullName;
    private TestFootage _first = null!;
    private TestFootage _second = null!;

    private string First => Path.Combine(_root, "first.mp4");

    private string Second => Path.Combine(_root, "clips", "second.mp4");

    public async Task InitializeAsync()
    {
        await ModelsFixture.EnsureInstalledAsync();
        _first = Clip("a", First, smallRepeats: false);
        _second = Clip("b", Second, smallRepeats: true);
    }

    [Fact]
    public async Task TwoVideosSharingPeople_GiveOnePersonPerIdentity_WithFacesFromBoth()
    {
        var output = Path.Combine(_root, "both");

        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [First, Path.GetDirectoryName(Second)!], Output = output, Threads = 2 });

        var manifest = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
        Assert.Equal(["first.mp4", "second.mp4"], manifest.Sources.Select(s => s.File));
        Assert.Equal(Enumerable.Range(0, manifest.Frames.Count), manifest.Frames.Select(f => f.Index));
        Assert.Equal(manifest.Frames.Count, Directory.GetFiles(Path.Combine(output, DatasetPaths.Images)).Length);
        Assert.Equal(manifest.Faces.Count, manifest.Faces.Select(f => f.Id).Distinct().Count());
        AssertOnePersonPerIdentity(manifest, expectSources: 2);
    }

    [Fact]
    public async Task AddingAVideo_EncodesOnlyTheNewOne_AndClustersTheWholeCollection()
    {
        var output = Path.Combine(_root, "grown");
        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [First], Output = output, Threads = 2 });
        var before = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
        var firstFrame = File.GetLastWriteTimeUtc(Path.Combine(output, DatasetPaths.Images, before.Frames[0].FileName));

        var added = await CollectionAdder.AddAsync(output, [Second, First], threads: 2, modelsPath: string.Empty);

        Assert.Equal(["second.mp4"], added.Added);
        Assert.Equal(["first.mp4"], added.AlreadyPresent);
        var after = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
        Assert.Equal(before.Frames, after.Frames.Take(before.Frames.Count));
        Assert.Equal(before.Faces.Select(f => f.Id), after.Faces.Take(before.Faces.Count).Select(f => f.Id));
        Assert.Equal(firstFrame, File.GetLastWriteTimeUtc(Path.Combine(output, DatasetPaths.Images, before.Frames[0].FileName)));
        Assert.Equal(after.Frames.Count, Directory.GetFiles(Path.Combine(output, DatasetPaths.Images)).Length);
        Assert.Equal(before.Parameters, after.Parameters);
        AssertOnePersonPerIdentity(after, expectSources: 2);
        Assert.Empty(Directory.GetDirectories(_root, ".grown.facemesh-*"));
    }

    [Fact]
    public async Task AddingAVideo_EncodesIt_WithTheDetectorPrecisionTheDatasetWasMadeWith()
    {
        var output = Path.Combine(_root, "float32");
        var alone = Path.Combine(_root, "second-float32");
        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [First], Output = output, Threads = 2, Engine = { Precision = DetectorPrecision.Float32 } });
        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [Second], Output = alone, Threads = 2, Engine = { Precision = DetectorPrecision.Float32 } });

        await CollectionAdder.AddAsync(output, [Second], threads: 2, modelsPath: string.Empty);

        var after = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
        Assert.Equal("float32", after.Parameters.Precision);
        var added = after.Faces.Where(f => after.Frames[f.Frame].Source == 1).Select(f => f.Box);
        Assert.Equal(ManifestJson.Read(Path.Combine(alone, DatasetPaths.Manifest)).Faces.Select(f => f.Box), added);
    }

    [Fact]
    public async Task AddingNothingNew_ChangesNothing()
    {
        var output = Path.Combine(_root, "same");
        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [First], Output = output, Threads = 2 });
        var manifest = File.ReadAllBytes(Path.Combine(output, DatasetPaths.Manifest));

        var added = await CollectionAdder.AddAsync(output, [First], threads: 2, modelsPath: string.Empty);

        Assert.Empty(added.Added);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(output, DatasetPaths.Manifest)));
    }

    [Fact]
    public async Task TwoVideosOfOneName_AreRefused_BeforeAnythingIsWritten()
    {
        var copy = Path.Combine(_root, "other", "first.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(First, copy);

        var error = await Assert.ThrowsAsync<Engine.Video.InvalidVideoException>(() =>
            EmbeddedPipeline.RunAsync(new RunOptions { Videos = [First, copy], Output = Path.Combine(_root, "twice"), Threads = 1 }));

        Assert.Contains("two videos are named first.mp4", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "twice")));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every identity's faces, from every video, in one cluster of its own.</summary>
    private void AssertOnePersonPerIdentity(DatasetManifest manifest, int expectSources)
    {
        var footage = new[] { _first, _second };
        var frames = manifest.Frames.ToDictionary(f => f.Index);
        var clustersOf = new Dictionary<string, HashSet<int>>();
        var sourcesOf = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            var frame = frames[manifest.Faces[i].Frame];
            var segment = footage[frame.Source].At(frame.TimeSeconds);
            if (segment.Person is null || segment.Face!.Value.IntersectionOverUnion(manifest.Faces[i].Box) < 0.5f)
            {
                continue;
            }

            (clustersOf.TryGetValue(segment.Person, out var clusters) ? clusters : clustersOf[segment.Person] = []).Add(manifest.Clusters[i]);
            (sourcesOf.TryGetValue(segment.Person, out var sources) ? sources : sourcesOf[segment.Person] = []).Add(frame.Source);
        }

        Assert.Equal(Directory.GetDirectories(Path.Combine(TestFootage.Fixtures, "people")).Length, clustersOf.Count);
        Assert.All(clustersOf, pair => Assert.True(pair.Value.Count == 1 && pair.Value.Single() >= 0, $"{pair.Key}: clusters {string.Join(", ", pair.Value)}"));
        Assert.Equal(clustersOf.Count, clustersOf.Values.Select(c => c.Single()).Distinct().Count());
        Assert.All(sourcesOf.Values, sources => Assert.Equal(expectSources, sources.Count));
    }

    private TestFootage Clip(string folder, string path, bool smallRepeats)
    {
        var footage = TestFootage.Create(Directory.CreateDirectory(Path.Combine(_root, folder)).FullName, secondsPerShot: 2, smallRepeats);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(footage.Path, path);
        return footage;
    }
}
