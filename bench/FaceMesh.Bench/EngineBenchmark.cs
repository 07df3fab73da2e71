using System.Diagnostics;
using FaceMesh.Engine;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;
using FaceMesh.Models;

namespace FaceMesh.Bench;

/// <summary>Detection per 720p frame, landmarks + descriptor per face, per thread count.</summary>
public static class EngineBenchmark
{
    public static async Task RunAsync(string fixtures, int iterations)
    {
        var frame = ImageDecoder.Load(Path.Combine(fixtures, "people", "obama", "obama-720p.jpg"));
        var group = ImageDecoder.Load(Path.Combine(fixtures, "scenes", "two_people.jpg"));

        Console.WriteLine($"# FaceMesh engine, {Environment.ProcessorCount} cores, {iterations} iterations after 2 warm-ups");
        Console.WriteLine("| threads | measure | ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            foreach (var (label, configure) in new (string, Action<FaceEngineOptions>)[]
                     {
                 ("SSD detection, 720p frame, whole frame only (face-api.js equivalent), float32", o => { o.TileSize = 0; o.Precision = DetectorPrecision.Float32; }),
                 ("SSD detection, 720p frame, whole frame + tiles, float32", o => o.Precision = DetectorPrecision.Float32),
                 ("SSD detection, 720p frame, whole frame only, int8", o => { o.TileSize = 0; o.Precision = DetectorPrecision.Int8; }),
                 ("SSD detection, 720p frame, whole frame + tiles, int8", o => o.Precision = DetectorPrecision.Int8),
                 ("tiny detection, 720p frame, whole frame only", o => { o.TileSize = 0; o.Detector = DetectorKind.Tiny; }),
                     })
            {
                using var engine = await ModelInstaller.OpenEngineAsync(Options(threads, configure));
                Report(threads, label, Time(iterations, () => engine.DetectFaces(frame)));
            }

            using var describer = await ModelInstaller.OpenEngineAsync(Options(threads, o => o.TileSize = 0));
            var one = describer.DetectFaces(frame);
            var two = describer.DetectFaces(group);
            Report(threads, "landmarks + alignment + descriptor, per face (1 face per call)", Time(iterations, () => describer.Describe(frame, one)) / one.Count);
            Report(threads, $"landmarks + alignment + descriptor, per face ({two.Count} faces batched per call)", Time(iterations, () => describer.Describe(group, two)) / two.Count);
        }

    }

    private static FaceEngineOptions Options(int threads, Action<FaceEngineOptions> configure)
    {
        var options = new FaceEngineOptions { IntraOpThreads = threads };
        configure(options);
        return options;
    }

    private static double Time(int iterations, Action action)
    {
        action();
        action();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        return watch.Elapsed.TotalMilliseconds / iterations;
    }

    private static void Report(int threads, string label, double ms) =>
        Console.WriteLine($"| {threads} | {label} | {ms:F1} |");
}
