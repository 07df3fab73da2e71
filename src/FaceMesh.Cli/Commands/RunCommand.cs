using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using FaceMesh.Engine;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Models;
using FaceMesh.Engine.Video;
using FaceMesh.Models;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh run VIDEO... [-o DIR]</c>: the whole pipeline in one process, footage in, dataset out.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var video = new Argument<string[]>("footage")
        {
            Description = "Videos (any format FFmpeg reads: mp4, mkv, avi, mov...) or folders of them: one dataset, people kept across videos. A folder with no video but images is footage itself, one frame per image.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Dataset folder to create (default: <video or folder name>-dataset; required for several)." };
        var force = new Option<bool>("--force") { Description = "Replace the dataset in a non-empty output folder (other files are kept)." };
        var interval = new Option<string>("--interval") { Description = "Time between sampled frames: 500ms, 1s, 2.5s, 1m.", DefaultValueFactory = _ => "1s" };
        var trackInterval = new Option<string?>("--track-interval")
        {
            Description = "Also decode frames this far apart within shots (e.g. 200ms), only to follow faces that move or turn fast between sampled frames: tracks hold together (more detection work; frames in the dataset unchanged).",
        };
        var detector = OptionRules.Choice<DetectorKind>("--detector", "ssd (accurate, default) or tiny (fast).");
        var noTiles = new Option<bool>("--no-tiles") { Description = "Detect on whole frames only (faster, misses small faces)." };
        var valFraction = new Option<double>("--val-fraction")
        {
            Description = "Share of frames in YOLO's val list (val.txt), whole blocks of a shot at a time, the same on every run.",
            DefaultValueFactory = _ => TrainValSplit.DefaultValFraction,
        }.InRangeOf<RunOptions, double>(nameof(RunOptions.ValFraction));
        var threads = new Option<int>("--threads") { Description = "Frames encoded in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("run", "Turn footage into a labelled face dataset, all in this process.")
        {
            video, output, force, interval, trackInterval, detector, CommonOptions.Precision, noTiles, threads, valFraction, ClusteringOptionsCli.Eps, ClusteringOptionsCli.MinSamples, CommonOptions.Models,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(video)!;
            if (paths.Length > 1 && result.GetValue(output) is null)
            {
                return Fail("name the dataset folder with -o when running several videos or folders.", ExitCodes.BadInput);
            }

            if (!IntervalParser.TryParse(result.GetValue(interval)!, out var every))
            {
                return Fail($"--interval '{result.GetValue(interval)}' is not a duration such as 500ms, 2s or 1m.", ExitCodes.BadInput);
            }

            TimeSpan? trackEvery = null;
            if (result.GetValue(trackInterval) is { } track)
            {
                if (!IntervalParser.TryParse(track, out var parsed))
                {
                    return Fail($"--track-interval '{track}' is not a duration such as 200ms.", ExitCodes.BadInput);
                }

                trackEvery = parsed;
            }

            var options = new RunOptions
            {
                Videos = paths,
                Output = result.GetValue(output) ?? $"{Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(paths[0]))}-dataset",
                Force = result.GetValue(force),
                Interval = every,
                TrackInterval = trackEvery,
                Threads = result.GetValue(threads),
                ValFraction = result.GetValue(valFraction),
                Engine = new FaceEngineOptions
                {
                    Detector = result.GetValue(detector),
                    Precision = result.GetValue(CommonOptions.Precision),
                    ModelsPath = result.GetValue(CommonOptions.Models) ?? string.Empty,
                    TileSize = result.GetValue(noTiles) ? 0 : new FaceEngineOptions().TileSize,
                },
                Clustering = ClusteringOptionsCli.From(result),
            };
            return await ExecuteAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var progress = new ProgressPrinter();
        try
        {
            await new ModelInstaller(ModelFolder.At(options.Engine.ModelsPath)).EnsureAsync(new InlineProgress<string>(Console.Error.WriteLine), cancellationToken);
            var summary = await EmbeddedPipeline.RunAsync(options, progress, cancellationToken);
            progress.Finish();
            SummaryPrinter.Print(summary);
            if (summary.Faces == 0)
            {
                Console.WriteLine("No faces were found: the dataset is valid but empty.");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (CommandFailure.IsExpected(e))
        {
            progress.Finish();
            return CommandFailure.Report(e, "write the dataset");
        }
    }

    internal static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
