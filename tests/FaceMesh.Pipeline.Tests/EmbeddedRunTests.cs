using System.Globalization;
using FaceMesh.Engine.Imaging;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using OpenCvSharp;
using Xunit.Abstractions;

namespace FaceMesh.Pipeline.Tests;

public sealed class EmbeddedRunTests(RunFixture run, ITestOutputHelper output) : IClassFixture<RunFixture>
{
    [Fact]
    public void Frames_AreSampledOncePerSecond_ByTimestamp()
    {
        var duration = run.Footage.Segments[^1].End;
        Assert.Equal((int)duration, run.Manifest.Frames.Count);
        Assert.Equal(Enumerable.Range(0, (int)duration).Select(s => (double)s), run.Manifest.Frames.Select(f => f.TimeSeconds));
        Assert.All(run.Manifest.Frames, f => Assert.True(File.Exists(Path.Combine(run.Output, DatasetPaths.Images, f.FileName))));
    }

    [Fact]
    public void EachIdentity_LandsInItsOwnCluster_AndNothingElseDoes()
    {
        var manifest = run.Manifest;
        var clusterOfPerson = new Dictionary<string, HashSet<int>>();
        var truthFaces = new HashSet<int>();
        foreach (var frame in manifest.Frames)
        {
            var segment = run.Footage.At(frame.TimeSeconds);
            if (segment.Person is null)
            {
                Assert.DoesNotContain(manifest.Faces, f => f.Frame == frame.Index);
                continue;
            }

            var match = Enumerable.Range(0, manifest.Faces.Count)
                .Where(i => manifest.Faces[i].Frame == frame.Index)
                .OrderByDescending(i => manifest.Faces[i].Box.IntersectionOverUnion(segment.Face!.Value))
                .FirstOrDefault(-1);
            Assert.True(match >= 0 && manifest.Faces[match].Box.IntersectionOverUnion(segment.Face!.Value) > 0.5f, $"{segment.Person}'s face at {frame.TimeSeconds} s was not found");
            truthFaces.Add(match);
            clusterOfPerson.TryAdd(segment.Person, []);
            clusterOfPerson[segment.Person].Add(manifest.Clusters[match]);
        }

        output.WriteLine(string.Join("; ", clusterOfPerson.Select(p => $"{p.Key}: clusters {string.Join(",", p.Value)}")));
        Assert.All(clusterOfPerson, p => Assert.True(p.Value.Count == 1 && p.Value.Single() >= 0, $"{p.Key} is spread over clusters {string.Join(",", p.Value)}"));
        var clusters = clusterOfPerson.Values.Select(v => v.Single()).ToList();
        Assert.Equal(clusters.Count, clusters.Distinct().Count());

        // Nothing else: every face in a person's cluster is that person's ground-truth face.
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            if (clusters.Contains(manifest.Clusters[i]))
            {
                Assert.Contains(i, truthFaces);
            }
        }
    }

    [Fact]
    public void Dataset_HasPeopleFoldersMontagesAndAManifestThatAgree()
    {
        var manifest = run.Manifest;
        Assert.Equal(run.Summary.People, manifest.PeopleCount);
        Assert.True(Directory.Exists(Path.Combine(run.Output, DatasetPaths.People, "noise")));
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            using var crop = Cv2.ImRead(Path.Combine(run.Output, manifest.CropPath(i)));
            Assert.False(crop.Empty(), manifest.CropPath(i));
            Assert.Equal(400, crop.Width);
        }

        for (var c = 0; c < manifest.PeopleCount; c++)
        {
            var name = DatasetManifest.PersonName(c);
            Assert.Equal(manifest.Clusters.Count(x => x == c), Directory.GetFiles(Path.Combine(run.Output, DatasetPaths.People, name)).Length);
            using var montage = Cv2.ImRead(Path.Combine(run.Output, DatasetPaths.Montages, $"{name}.jpg"));
            Assert.Equal(1000, montage.Width);
        }

        var sizes = Enumerable.Range(0, manifest.PeopleCount).Select(c => manifest.Clusters.Count(x => x == c)).ToList();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.DoesNotContain(Directory.GetDirectories(run.Folder), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void YoloLabels_PointAtTheClusteredFaces()
    {
        var manifest = run.Manifest;
        var yaml = File.ReadAllText(Path.Combine(run.Output, DatasetPaths.DataYaml));
        Assert.Contains($"nc: {manifest.PeopleCount}", yaml);
        Assert.Contains($"path: \"{Path.GetFullPath(run.Output)}\"", yaml);
        Assert.Contains("train: train.txt", yaml);
        Assert.Contains("val: val.txt", yaml);
        var train = File.ReadAllLines(Path.Combine(run.Output, DatasetPaths.TrainList));
        var val = File.ReadAllLines(Path.Combine(run.Output, DatasetPaths.ValList));
        Assert.Equal(manifest.Frames.Select(f => $"./images/{f.FileName}").Order(), train.Concat(val).Order());
        Assert.NotEmpty(train);
        Assert.NotEmpty(val);
        Assert.All(train.Concat(val), line => Assert.True(File.Exists(Path.Combine(run.Output, line))));
        foreach (var frame in manifest.Frames)
        {
            var lines = File.ReadAllLines(Path.Combine(run.Output, DatasetPaths.Labels, Path.ChangeExtension(frame.FileName, ".txt")));
            var clustered = Enumerable.Range(0, manifest.Faces.Count).Where(i => manifest.Faces[i].Frame == frame.Index && manifest.Clusters[i] >= 0).ToList();
            Assert.Equal(clustered.Count, lines.Length);
            foreach (var line in lines)
            {
                var v = line.Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                var box = new BoxF((float)((v[1] - (v[3] / 2)) * frame.Width), (float)((v[2] - (v[4] / 2)) * frame.Height),
                    (float)((v[1] + (v[3] / 2)) * frame.Width), (float)((v[2] + (v[4] / 2)) * frame.Height));
                Assert.Contains(clustered, i => manifest.Clusters[i] == (int)v[0] && manifest.Faces[i].Box.IntersectionOverUnion(box) > 0.98f);
                var segment = run.Footage.At(frame.TimeSeconds);
                Assert.True(segment.Face is not null && box.IntersectionOverUnion(segment.Face.Value) > 0.5f, $"label {line} at {frame.TimeSeconds} s points at no face");
            }
        }
    }

    [Fact]
    public void Recluster_WithTheSameParameters_ReproducesTheRun()
    {
        var copy = CopyDataset("same");
        var summary = Reclusterer.Recluster(copy, new Clustering.ClusteringOptions());
        var again = ManifestJson.Read(Path.Combine(copy, DatasetPaths.Manifest));
        Assert.Equal(run.Manifest.Clusters, again.Clusters);
        Assert.Equal(run.Summary.People, summary.People);
        Assert.Equal(Listing(run.Output), Listing(copy));
        Assert.Equal(File.ReadAllText(Path.Combine(run.Output, DatasetPaths.Manifest)), File.ReadAllText(Path.Combine(copy, DatasetPaths.Manifest)));
    }

    [Fact]
    public void Recluster_WithATinyEps_RebuildsFoldersToMatch()
    {
        var copy = CopyDataset("tight");
        Reclusterer.Recluster(copy, new Clustering.ClusteringOptions { Eps = 0.05f, MinSamples = 4 });
        var again = ManifestJson.Read(Path.Combine(copy, DatasetPaths.Manifest));
        Assert.Equal(0.05f, again.Parameters.Eps);
        Assert.True(again.NoiseCount > run.Manifest.NoiseCount);
        for (var i = 0; i < again.Faces.Count; i++)
        {
            Assert.True(File.Exists(Path.Combine(copy, again.CropPath(i))), again.CropPath(i));
        }

        var folders = Directory.GetDirectories(Path.Combine(copy, DatasetPaths.People)).Select(Path.GetFileName).Order();
        Assert.Equal(Enumerable.Range(0, again.PeopleCount).Select(DatasetManifest.PersonName).Append("noise").Order(), folders);
    }

    private string CopyDataset(string name)
    {
        var target = Path.Combine(run.Folder, $"copy-{name}");
        foreach (var file in Directory.GetFiles(run.Output, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(run.Output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static List<string> Listing(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Where(f => !f.StartsWith("montages", StringComparison.Ordinal)).Order().ToList();

    [Fact]
    public void Tracks_NeverCrossACut_AndAStaticShotIsOneShot()
    {
        var manifest = run.Manifest;
        var frames = manifest.Frames.ToDictionary(f => f.Index);
        foreach (var track in manifest.Faces.GroupBy(f => f.Track))
        {
            Assert.True(track.Key >= 0, "every face of an embedded run is tracked");
            Assert.Single(track.Select(f => run.Footage.At(frames[f.Frame].TimeSeconds)).Distinct());
        }

        foreach (var segment in manifest.Frames.GroupBy(f => run.Footage.At(f.TimeSeconds)))
        {
            Assert.Single(segment.Select(f => f.Shot).Distinct());
        }

        Assert.True(manifest.Frames.Select(f => f.Shot).Distinct().Count() >= run.Footage.Segments.Count / 2);
    }
}
