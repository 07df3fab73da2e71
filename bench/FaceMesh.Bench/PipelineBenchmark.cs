using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Models;
using FaceMesh.Models;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Bench;

/// <summary>
/// The whole embedded pipeline on generated 720p and 1080p clips (the same shots): end-to-end sampled frames per
/// second and stage shares.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task RunAsync(string fixtures, string folder, double minutes)
    {
        Directory.CreateDirectory(folder);
        await new ModelInstaller(ModelFolder.At(null)).EnsureAsync();
        var clips = new Dictionary<int, string> { [720] = BenchClip.Create(fixtures, folder, minutes), [1080] = BenchClip.Create(fixtures, folder, minutes, 1080) };
        Console.WriteLine($"# facemesh run on {string.Join(" and ", clips.Values.Select(Path.GetFileName))} ({minutes} min, H.264 25 fps), {Environment.ProcessorCount} cores");
        Console.WriteLine("| clip | configuration | frames | faces | tracks | people | seconds | frames/s | decoding | detection | description | clustering | export |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (height, label, configure) in new (int, string, Action<RunOptions>)[]
                 {
                     (720, "default (SSD int8, whole frame + scaled pass, 2 threads)", _ => { }),
                     (720, "SSD int8, whole frame + 720 px tiles (before), 2 threads", Tiles720),
                     (1080, "default (SSD int8, whole frame + scaled pass, 2 threads)", _ => { }),
                     (1080, "SSD int8, whole frame + 720 px tiles (before), 2 threads", Tiles720),
                     (720, "SSD float32, whole frame + scaled pass, 2 threads", o => o.Engine.Precision = DetectorPrecision.Float32),
                     (720, "SSD int8, whole frame only, 2 threads", o => o.Engine.TileSize = 0),
                     (720, "default, 1 thread", o => o.Threads = 1),
                     (720, "default + --track-interval 500ms", o => o.TrackInterval = TimeSpan.FromMilliseconds(500)),
                     (720, "default + --track-interval 200ms", o => o.TrackInterval = TimeSpan.FromMilliseconds(200)),
                 })
        {
            var options = new RunOptions { Video = clips[height], Output = Path.Combine(folder, "dataset"), Force = true };
            configure(options);
            var s = await EmbeddedPipeline.RunAsync(options);
            var total = (s.Decoding + s.Detection + s.Description + s.Clustering + s.Export).TotalSeconds;
            string Share(TimeSpan t) => $"{100 * t.TotalSeconds / total:F1}%";
            var tracks = ManifestJson.Read(Path.Combine(options.Output, DatasetPaths.Manifest)).Faces.Select(f => f.Track).Distinct().Count();
            Console.WriteLine($"| {height}p | {label} | {s.Frames} | {s.Faces} | {tracks} | {s.People} | {s.Elapsed.TotalSeconds:F1} | {s.Frames / s.Elapsed.TotalSeconds:F2} | "
                + $"{Share(s.Decoding)} | {Share(s.Detection)} | {Share(s.Description)} | {Share(s.Clustering)} | {Share(s.Export)} |");
        }
    }

    /// <summary>Detection as it was before the scaled pass: 720 px tiles.</summary>
    private static void Tiles720(RunOptions options) => (options.Engine.Tiling, options.Engine.TileSize) = (TilingMode.Tiles, 720);
}
