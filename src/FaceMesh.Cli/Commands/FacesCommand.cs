using System.CommandLine;
using FaceMesh.Engine;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Video;
using FaceMesh.Models;
using FaceMesh.Pipeline;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh faces IMAGE... [--detector ssd|tiny] [--json]</c>: every face in each photo, fully described.</summary>
public static class FacesCommand
{
    public static Command Create()
    {
        var images = new Argument<string[]>("images") { Description = "Image files (JPEG, PNG, BMP, WebP, TIFF), or folders of them (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var detector = OptionRules.Choice<DetectorKind>("--detector", "ssd (accurate, default) or tiny (fast).");
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var noTiles = new Option<bool>("--no-tiles") { Description = "Detect on the whole image only, as face-api.js does (misses small faces)." };
        var minConfidence = new Option<float>("--min-confidence") { Description = "Drop detections scoring at or below this (0.01-0.99).", DefaultValueFactory = _ => new FaceEngineOptions().MinConfidence }
            .InRangeOf<FaceEngineOptions, float>(nameof(FaceEngineOptions.MinConfidence));
        var minFaceSize = new Option<int>("--min-face-size") { Description = "Drop faces smaller than this many pixels.", DefaultValueFactory = _ => new FaceEngineOptions().MinFaceSize }
            .InRangeOf<FaceEngineOptions, int>(nameof(FaceEngineOptions.MinFaceSize));
        var command = new Command("faces", "Detect, align and describe every face in images.")
        {
            images, detector, CommonOptions.Precision, json, noTiles, minConfidence, minFaceSize, CommonOptions.Models,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new FaceEngineOptions
            {
                Detector = result.GetValue(detector),
                Precision = result.GetValue(CommonOptions.Precision),
                ModelsPath = result.GetValue(CommonOptions.Models) ?? string.Empty,
                TileSize = result.GetValue(noTiles) ? 0 : new FaceEngineOptions().TileSize,
                MinConfidence = result.GetValue(minConfidence),
                MinFaceSize = result.GetValue(minFaceSize),
            };
            return await RunAsync(result.GetValue(images)!, options, result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, FaceEngineOptions options, bool json, CancellationToken cancellationToken)
    {
        FaceEngine engine;
        try
        {
            engine = await ModelInstaller.OpenEngineAsync(options, new InlineProgress<string>(Console.Error.WriteLine), cancellationToken);
        }
        catch (Exception e) when (CommandFailure.IsExpected(e))
        {
            return CommandFailure.Report(e, "install the face models");
        }

        using (engine)
        {
            var exitCode = ExitCodes.Success;
            var results = new List<ImageFaces>();
            foreach (var path in paths.SelectMany(p => Directory.Exists(p) ? ImageSequence.FilesIn(p) : [p]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var image = ImageDecoder.Load(path);
                    var faces = engine.Analyze(image);
                    results.Add(new ImageFaces(path, image.Width, image.Height, faces));
                    if (!json)
                    {
                        FaceTextWriter.Write(Console.Out, results[^1]);
                    }
                }
                catch (InvalidImageException e)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    exitCode = ExitCodes.BadInput;
                }
            }

            if (json)
            {
                await using var stdout = Console.OpenStandardOutput();
                FaceJsonWriter.Write(stdout, results);
            }

            return exitCode;
        }
    }
}
