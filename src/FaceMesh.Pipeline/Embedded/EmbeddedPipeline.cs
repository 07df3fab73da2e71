using System.Diagnostics;
using FaceMesh.Engine;
using FaceMesh.Engine.Models;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// <c>facemesh run</c>: the four stages in one process, over one video or a collection of them. The videos are encoded
/// one after another into a staging folder (<see cref="FootageEncoder"/>); DBSCAN runs once over every face of the
/// collection; the exporter lays the dataset out, which then moves into place.
/// </summary>
public static class EmbeddedPipeline
{
    public static async Task<RunSummary> RunAsync(RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var videos = FootageInputs.Expand(options.Videos);
        var output = OutputFolder.Prepare(options.Output, options.Force);
        var engines = new List<FaceEngine>();
        try
        {
            for (var i = 0; i < options.Threads; i++)
            {
                engines.Add(FaceEngine.Open(options.Engine));
            }

            var timing = new RunTiming();
            var footage = await new FootageEncoder(engines, new SamplingPlan(options.Interval, options.TrackInterval), output.Staging, timing, progress).EncodeAsync(videos, 0, 0, 0, cancellationToken);
            var clusters = timing.Clustering.Measure(() => FaceClustering.Assign(footage.Faces, options.Clustering));
            var manifest = new DatasetManifest(footage.Sources, Parameters(options), footage.Frames, footage.Faces, clusters);
            Export(output, manifest, i => Path.Combine(output.Staging, DatasetPaths.Staging, $"{manifest.Faces[i].Id}.jpg"), move: true, timing, progress, cancellationToken);
            return Summary(output.Destination, manifest, clock, timing);
        }
        catch
        {
            output.Abandon();
            throw;
        }
        finally
        {
            engines.ForEach(e => e.Dispose());
        }
    }

    public static RunParameters Parameters(RunOptions options) => new(
        options.Interval.TotalSeconds,
        options.Engine.Detector.ToString().ToLowerInvariant(),
        options.Engine.MinConfidence,
        options.Engine.MinFaceSize,
        options.Engine.TileSize,
        options.Engine.Alignment.ToString().ToLowerInvariant(),
        options.Clustering.Eps,
        options.Clustering.MinSamples,
        ModelFolder.Release,
        options.TrackInterval?.TotalSeconds,
        EngineParameters.Precision(options.Engine),
        options.ValFraction);

    /// <summary>
    /// Lays the dataset out in the staging folder, portraits moved or copied from <paramref name="portrait"/>, and commits
    /// it (<see cref="OutputFolder.Commit"/>, or <paramref name="commit"/> when given).
    /// </summary>
    internal static void Export(OutputFolder output, DatasetManifest manifest, Func<int, string> portrait, bool move, RunTiming timing,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, Action? commit = null)
    {
        timing.Export.Measure(() =>
        {
            var frames = manifest.Frames.Count;
            IProgress<int> exported = new InlineProgress<int>(done => progress?.Report(new RunProgress("export", frames, frames, frames, manifest.Faces.Count, done, manifest.Faces.Count)));
            DatasetExporter.Export(output.Staging, manifest, portrait, move, output.Destination, exported, cancellationToken);
            var staged = Path.Combine(output.Staging, DatasetPaths.Staging);
            if (Directory.Exists(staged))
            {
                Directory.Delete(staged, recursive: true);
            }

            (commit ?? (() => output.Commit()))();
            return 0;
        });
    }

    internal static RunSummary Summary(string output, DatasetManifest manifest, Stopwatch clock, RunTiming timing) =>
        new(output, manifest.Frames.Count, manifest.Faces.Count, manifest.PeopleCount, manifest.NoiseCount, clock.Elapsed,
            timing.Decoding.Total, timing.Detection.Total, timing.Description.Total, timing.Clustering.Total, timing.Export.Total,
            [.. manifest.Sources.Where(s => s.EndedEarlyAtSeconds is not null)]);
}
