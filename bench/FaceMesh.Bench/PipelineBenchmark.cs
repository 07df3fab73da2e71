using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Models;
using FaceMesh.Models;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Bench;

/// <summary>The whole embedded pipeline on a generated 720p clip: end-to-end sampled frames per second and stage shares.</summary>
public static class PipelineBenchmark
{
    public static async Task RunAsync(string fixtures, string folder, double minutes)
    {
        Directory.CreateDirectory(folder);
        await new ModelInstaller(ModelFolder.At(null)).EnsureAsync();
        var clip = BenchClip.Create(fixtures, folder, minutes);
        Console.WriteLine($"# facemesh run on {Path.GetFileName(clip)} ({minutes} min, 1280x720, H.264 25 fps), {Environment.ProcessorCount} cores");
        Console.WriteLine("| configuration | frames | faces | tracks | people | seconds | frames/s | decoding | detection | description | clustering | export |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (label, configure) in new (string, Action<RunOptions>)[]
                 {
                     ("default (SSD int8 + tiles, 2 threads)", _ => { }),
                     ("SSD float32 + tiles, 2 threads", o => o.Engine.Precision = DetectorPrecision.Float32),
                     ("SSD int8, whole frame only, 2 threads", o => o.Engine.TileSize = 0),
                     ("default, 1 thread", o => o.Threads = 1),
                     ("default + --track-interval 500ms", o => o.TrackInterval = TimeSpan.FromMilliseconds(500)),
                     ("default + --track-interval 200ms", o => o.TrackInterval = TimeSpan.FromMilliseconds(200)),
                 })
        {
            var options = new RunOptions { Video = clip, Output = Path.Combine(folder, "dataset"), Force = true };
            configure(options);
            var s = await EmbeddedPipeline.RunAsync(options);
            var total = (s.Decoding + s.Detection + s.Description + s.Clustering + s.Export).TotalSeconds;
            string Share(TimeSpan t) => $"{100 * t.TotalSeconds / total:F1}%";
            var tracks = ManifestJson.Read(Path.Combine(options.Output, DatasetPaths.Manifest)).Faces.Select(f => f.Track).Distinct().Count();
            Console.WriteLine($"| {label} | {s.Frames} | {s.Faces} | {tracks} | {s.People} | {s.Elapsed.TotalSeconds:F1} | {s.Frames / s.Elapsed.TotalSeconds:F2} | "
                + $"{Share(s.Decoding)} | {Share(s.Detection)} | {Share(s.Description)} | {Share(s.Clustering)} | {Share(s.Export)} |");
        }
    }
}
