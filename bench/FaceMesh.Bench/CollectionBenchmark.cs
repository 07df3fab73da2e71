using System.Diagnostics;
using System.Globalization;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;
using OpenCvSharp;

namespace FaceMesh.Bench;

/// <summary>
/// A collection growing by whole videos of synthetic records (no encoding): each step appends one video's frames,
/// faces and portraits to the dataset, then times, in a fresh process, the rebuild every addition ends with: read the
/// manifest, cluster the whole collection, lay out people, montages, labels and the manifest again. About 4.2 faces per
/// frame (one frame per second of footage); descriptors as in the DBSCAN benchmark, the same cast in every video.
/// </summary>
public static class CollectionBenchmark
{
    public static async Task RunAsync(string folder, int facesPerVideo, int videos)
    {
        var dataset = Path.Combine(Path.GetFullPath(folder), "collection");
        if (Directory.Exists(dataset))
        {
            Directory.Delete(dataset, recursive: true);
        }

        Console.WriteLine($"# collection rebuild after each added video, {facesPerVideo} faces per video, {Environment.ProcessorCount} cores, eps 0.5, min-samples 3");
        Console.WriteLine("| videos | frames | faces | manifest (MB) | read (s) | cluster (s) | export (s) | total (s) | people | peak working set (MB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var random = new Random(11);
        for (var v = 0; v < videos; v++)
        {
            AppendVideo(dataset, v, facesPerVideo, random);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            foreach (var argument in new[] { typeof(CollectionBenchmark).Assembly.Location, "rebuild", dataset })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            var line = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            Console.WriteLine($"| {v + 1} {line.Trim()}");
        }
    }

    /// <summary>In a fresh process: one rebuild, printed as the rest of a table row (its peak memory is this process's).</summary>
    public static void Rebuild(string dataset)
    {
        var read = Stopwatch.StartNew();
        var manifest = ManifestJson.Read(Path.Combine(dataset, DatasetPaths.Manifest));
        read.Stop();
        var size = new FileInfo(Path.Combine(dataset, DatasetPaths.Manifest)).Length / 1e6;
        GC.KeepAlive(manifest);
        var summary = Reclusterer.Recluster(dataset, new ClusteringOptions { Eps = 0.5f, MinSamples = 3 });
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {summary.Frames} | {summary.Faces} | {size:F0} | {read.Elapsed.TotalSeconds:F1} | {summary.Clustering.TotalSeconds:F1} | {summary.Export.TotalSeconds:F1} | "
            + $"{read.Elapsed.TotalSeconds + summary.Elapsed.TotalSeconds:F1} | {summary.People} | {process.PeakWorkingSet64 / 1e6:F0} |"));
    }

    /// <summary>Appends one video's synthetic frames and faces: frames in images/, portraits in noise/, as the manifest then says.</summary>
    private static void AppendVideo(string dataset, int video, int faces, Random random)
    {
        var manifestPath = Path.Combine(dataset, DatasetPaths.Manifest);
        var manifest = File.Exists(manifestPath)
            ? ManifestJson.Read(manifestPath)
            : new DatasetManifest([], new RunParameters(1, "ssd", 0.5f, 16, 720, "rotated", 0.5f, 3, "synthetic"), [], [], []);
        var images = Directory.CreateDirectory(Path.Combine(dataset, DatasetPaths.Images)).FullName;
        var noise = Directory.CreateDirectory(Path.Combine(dataset, DatasetPaths.People, DatasetManifest.PersonName(-1))).FullName;
        using var tile = new Mat(60, 40, MatType.CV_8UC3, new Scalar(90, 120, 150));
        var jpeg = tile.ImEncode(".jpg");
        var identities = SyntheticDescriptors.Centers(Math.Max(1, faces / 200), new Random(5));
        var first = manifest.NextFrameIndex;
        var frameCount = (int)Math.Ceiling(faces / 4.2);
        var frames = Enumerable.Range(first, frameCount).Select(i => new FrameRecord(i, i - first, 1280, 720, video)).ToList();
        var records = new List<FaceRecord>(faces);
        for (var f = 0; f < faces; f++)
        {
            var frame = first + (f % frameCount);
            var id = FaceRecord.MakeId(frame, f / frameCount);
            records.Add(new FaceRecord(id, frame, frame - first, new BoxF(100 + (f / frameCount * 120), 100, 180 + (f / frameCount * 120), 200),
                [.. Enumerable.Range(0, 68).SelectMany(p => new[] { 100f + p, 150f + (p % 7 * 0.37f) })], new FaceQuality(80, 0.9f, 120, 0.8f),
                SyntheticDescriptors.Sample(identities[random.Next(identities.Length)], random)));
            File.WriteAllBytes(Path.Combine(noise, $"{id}.jpg"), jpeg);
        }

        foreach (var frame in frames)
        {
            File.WriteAllBytes(Path.Combine(images, frame.FileName), jpeg);
        }

        var grown = new DatasetManifest([.. manifest.Sources, new SourceInfo($"video{video}.mp4", 1280, 720, 25, frameCount)], manifest.Parameters,
            [.. manifest.Frames, .. frames], [.. manifest.Faces, .. records], [.. manifest.Clusters, .. Enumerable.Repeat(-1, faces)]);
        using var stream = File.Create(manifestPath);
        ManifestJson.Write(stream, grown);
    }
}
