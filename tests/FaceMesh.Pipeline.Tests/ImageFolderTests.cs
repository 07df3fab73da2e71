using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using FaceMesh.Testing;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests;

/// <summary>A folder of tight face crops run as footage: one frame per image, its path kept, one person per identity.</summary>
public sealed class ImageFolderTests : IAsyncLifetime
{
    private static readonly string[] Obama = ["obama.jpg", "obama1.jpg", "obama2.jpg", "obama3.jpg", "obama-720p.jpg"];
    private static readonly string[] Kit = ["john1.jpeg", "john2.jpeg", "johnsnow_test1.jpg"];
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-crops-").FullName;

    private string Crops => Path.Combine(_root, "crops");

    public async Task InitializeAsync()
    {
        using var engine = await ModelsFixture.OpenEngineAsync(new Engine.FaceEngineOptions());
        foreach (var (person, files) in new[] { ("obama", Obama), ("kit_harington", Kit) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(Crops, person)).FullName;
            foreach (var file in files)
            {
                var source = TestPaths.Fixture($"people/{person}/{file}");
                var box = engine.DetectFaces(ImageDecoder.Load(source)).Single().Box;
                using var photo = Cv2.ImRead(source);
                var x = (int)Math.Max(0, box.Left);
                var y = (int)Math.Max(0, box.Top);
                using var cut = new Mat(photo, new Rect(x, y, (int)Math.Min(box.Width, photo.Width - x), (int)Math.Min(box.Height, photo.Height - y)));
                using var small = cut.Resize(new Size(150, 150 * cut.Height / cut.Width), interpolation: InterpolationFlags.Area);
                Cv2.ImWrite(Path.Combine(folder, Path.ChangeExtension(file, ".png")), small);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(Crops, "notes.txt"), "not an image");
    }

    [Fact]
    public async Task AFolderOfCrops_IsFootage_OneFramePerImage_WithItsPath()
    {
        var output = Path.Combine(_root, "dataset");

        await EmbeddedPipeline.RunAsync(new RunOptions { Videos = [Crops], Output = output, Threads = 2 });

        var manifest = ManifestJson.Read(Path.Combine(output, DatasetPaths.Manifest));
        Assert.Equal("crops", Assert.Single(manifest.Sources).File);
        var expected = Kit.Select(f => $"kit_harington/{Path.ChangeExtension(f, ".png")}")
            .Concat(Obama.Select(f => $"obama/{Path.ChangeExtension(f, ".png")}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, manifest.Frames.Select(f => f.Path));
        Assert.Equal(manifest.Frames.Select(f => f.Index), manifest.Faces.Select(f => f.Frame));
        var personOf = manifest.Frames.ToDictionary(f => f.Index, f => f.Path!.Split('/')[0]);
        var clusters = manifest.Faces.Select((face, i) => (Person: personOf[face.Frame], Cluster: manifest.Clusters[i])).ToList();
        Assert.All(clusters, c => Assert.True(c.Cluster >= 0, $"a {c.Person} crop is noise"));
        Assert.Single(clusters.Where(c => c.Person == "obama").Select(c => c.Cluster).Distinct());
        Assert.Single(clusters.Where(c => c.Person == "kit_harington").Select(c => c.Cluster).Distinct());
        Assert.Equal(2, manifest.PeopleCount);
    }

    [Fact]
    public async Task AFolderWithAnUnreadableImage_FailsNamingIt_AndWritesNothing()
    {
        var broken = Path.Combine(Crops, "obama", "broken.jpg");
        await File.WriteAllTextAsync(broken, "not a jpeg");
        var output = Path.Combine(_root, "broken");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidVideoException>(() => EmbeddedPipeline.RunAsync(new RunOptions { Videos = [Crops], Output = output, Threads = 2 }));

            Assert.Contains("broken.jpg", error.Message);
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task TrackIntervalOnAFolderOfImages_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InvalidVideoException>(() => EmbeddedPipeline.RunAsync(new RunOptions
        {
            Videos = [Crops], Output = Path.Combine(_root, "tracked"), TrackInterval = TimeSpan.FromMilliseconds(200),
        }));

        Assert.Contains("--track-interval", error.Message);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
