using System.Diagnostics;
using FaceMesh.Engine;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;
using FaceMesh.Models;

namespace FaceMesh.Bench;

/// <summary>Detection per 720p and 1080p frame, landmarks + descriptor per face, per thread count.</summary>
public static class EngineBenchmark
{
    public static async Task RunAsync(string fixtures, int iterations)
    {
        var frame = ImageDecoder.Load(Path.Combine(fixtures, "people", "obama", "obama-720p.jpg"));
        var group = ImageDecoder.Load(Path.Combine(fixtures, "scenes", "two_people.jpg"));
        var empty = Resized(frame, 640, 360, faceless: true);
        var emptyCrop = Resized(frame, 200, 240, faceless: true);
        var fullHd = Resized(frame, 1920, 1080);

        Console.WriteLine($"# FaceMesh engine, {Environment.ProcessorCount} cores, {iterations} iterations after 2 warm-ups");
        Console.WriteLine("| threads | measure | ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            foreach (var (label, configure) in new (string, Action<FaceEngineOptions>)[]
                     {
                 ("SSD detection, 720p frame, whole frame only (face-api.js equivalent), float32", o => { o.TileSize = 0; o.Precision = DetectorPrecision.Float32; }),
                 ("SSD detection, 720p frame, whole frame + 720 px tiles (before), float32", o => { Tiles720(o); o.Precision = DetectorPrecision.Float32; }),
                 ("SSD detection, 720p frame, whole frame only, int8", o => { o.TileSize = 0; o.Precision = DetectorPrecision.Int8; }),
                 ("SSD detection, 720p frame, whole frame + 720 px tiles (before), int8", o => { Tiles720(o); o.Precision = DetectorPrecision.Int8; }),
                 ("SSD detection, 720p frame, whole frame + scaled pass (default), int8", o => o.Precision = DetectorPrecision.Int8),
                 ("tiny detection, 720p frame, whole frame only", o => { o.TileSize = 0; o.Detector = DetectorKind.Tiny; }),
                 ("tiny detection, 720p frame, whole frame + 720 px tiles (before)", o => { Tiles720(o); o.Detector = DetectorKind.Tiny; }),
                 ("tiny detection, 720p frame, whole frame + scaled pass (default)", o => o.Detector = DetectorKind.Tiny),
                     })
            {
                // The fixture frame is a portrait photo pillarboxed in 720p: these rows detect on all of it, bars included.
                using var engine = await ModelInstaller.OpenEngineAsync(Options(threads, o => { o.SkipBlackBars = false; configure(o); }));
                Report(threads, label, Time(iterations, () => engine.DetectFaces(frame)));
            }

            foreach (var (label, configure) in new (string, Action<FaceEngineOptions>)[]
                     {
                         ("SSD detection, 1080p frame, whole frame + 720 px tiles (before), int8", Tiles720),
                         ("SSD detection, 1080p frame, whole frame + scaled pass (default), int8", _ => { }),
                     })
            {
                using var engine = await ModelInstaller.OpenEngineAsync(Options(threads, o => { o.SkipBlackBars = false; configure(o); }));
                Report(threads, label, Time(iterations, () => engine.DetectFaces(fullHd)));
            }

            foreach (var (label, skip) in new[]
                     {
                         ("SSD detection, 720p frame of a pillarboxed portrait picture, bars skipped (default)", true),
                         ("SSD detection, 720p frame of a pillarboxed portrait picture, bars detected on too", false),
                     })
            {
                using var engine = await ModelInstaller.OpenEngineAsync(Options(threads, o => o.SkipBlackBars = skip));
                Report(threads, label, Time(iterations, () => engine.DetectFaces(frame)));
            }

            // Square or portrait images up to 900 px in which the normal pass finds no face get the padded pass too.
            foreach (var (label, image, padding) in new[]
                     {
                         ("SSD detection, 640x360 frame without a face (landscape: no padded pass)", empty, 0.5f),
                         ("SSD detection, 200x240 image without a face (padded pass, default)", emptyCrop, 0.5f),
                         ("SSD detection, 200x240 image without a face, no padded pass", emptyCrop, 0f),
                     })
            {
                using var engine = await ModelInstaller.OpenEngineAsync(Options(threads, o => o.CropPadding = padding));
                Report(threads, label, Time(iterations, () => engine.DetectFaces(image)));
            }

            // What the SSD reads for a 720p frame: the frame and its two 720 px tiles, each resized into 512x512 planar
            // floats, or the frame at 512x512 and the scaled pass.
            var defaults = new FaceEngineOptions();
            var regions = TilePlanner.Plan(frame.Width, frame.Height, 720, defaults.TileOverlap);
            var batch = new float[regions.Count * 3 * SsdFaceDetector.InputSize * SsdFaceDetector.InputSize];
            Report(threads, $"SSD input preparation, 720p frame, whole frame + 720 px tiles ({regions.Count} regions)",
                Time(iterations, () => NetInputWriter.WriteBatch(frame, regions, SsdFaceDetector.InputSize, centerPadding: false, ChannelNormalization.Ssd, batch)));
            var pass = ScaledPass.Plan(new PixelRect(0, 0, frame.Width, frame.Height), defaults.TileSize, SsdFaceDetector.InputSize)!.Value;
            var scaledInput = new float[3 * pass.Width * pass.Height];
            Report(threads, $"SSD input preparation, 720p frame, whole frame + scaled pass ({pass.Width}x{pass.Height})",
                Time(iterations, () =>
                {
                    NetInputWriter.WriteBatch(frame, [pass.Region], SsdFaceDetector.InputSize, centerPadding: false, ChannelNormalization.Ssd, batch.AsSpan(0, 3 * SsdFaceDetector.InputSize * SsdFaceDetector.InputSize));
                    NetInputWriter.WriteScaled(frame, pass.Region, pass.Width, pass.Height, (float)(1 / pass.Scale), ChannelNormalization.Ssd, scaledInput);
                }));

            using var describer = await ModelInstaller.OpenEngineAsync(Options(threads, o => o.TileSize = 0));
            var one = describer.DetectFaces(frame);
            var two = describer.DetectFaces(group);
            Report(threads, "landmarks + alignment + descriptor, per face (1 face per call)", Time(iterations, () => describer.Describe(frame, one)) / one.Count);
            Report(threads, $"landmarks + alignment + descriptor, per face ({two.Count} faces batched per call)", Time(iterations, () => describer.Describe(group, two)) / two.Count);
        }

    }

    /// <summary>Detection as it was before the scaled pass: 720 px tiles.</summary>
    private static void Tiles720(FaceEngineOptions options) => (options.Tiling, options.TileSize) = (TilingMode.Tiles, 720);

    private static FaceEngineOptions Options(int threads, Action<FaceEngineOptions> configure)
    {
        var options = new FaceEngineOptions { IntraOpThreads = threads };
        configure(options);
        return options;
    }

    private static RgbImage Resized(RgbImage image, int width, int height, bool faceless = false)
    {
        using var bgr = image.ToBgrMat();
        if (faceless)
        {
            // The frame's own colours, blurred until no face is left.
            OpenCvSharp.Cv2.GaussianBlur(bgr, bgr, new OpenCvSharp.Size(0, 0), 40);
        }

        using var resized = bgr.Resize(new OpenCvSharp.Size(width, height), interpolation: OpenCvSharp.InterpolationFlags.Area);
        return RgbImage.FromMat(resized);
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
