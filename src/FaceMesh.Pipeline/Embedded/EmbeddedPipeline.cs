using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using FaceMesh.Engine;
using FaceMesh.Engine.Models;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// <c>facemesh run</c>: the four stages in one process. A sampler feeds a bounded channel (memory stays bounded by
/// <c>2 x threads</c> frames); one face engine per thread encodes frames and writes frames and portraits into a
/// staging folder; DBSCAN runs once every frame is in; the exporter lays the dataset out, which then moves into place.
/// </summary>
public static class EmbeddedPipeline
{
    public static async Task<RunSummary> RunAsync(RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        using var sampler = new FrameSampler(options.Video, options.Interval);
        var output = OutputFolder.Prepare(options.Output, options.Force);
        var engines = new List<FaceEngine>();
        try
        {
            for (var i = 0; i < options.Threads; i++)
            {
                engines.Add(FaceEngine.Open(options.Engine));
            }

            var timing = new Timing();
            var (frames, faces) = await EncodeAsync(sampler, engines, output.Staging, timing, progress, cancellationToken);
            if (frames.Count == 0)
            {
                throw new InvalidVideoException($"{Path.GetFileName(options.Video)}: no frame could be decoded.");
            }

            var clusters = timing.Clustering.Measure(() => FaceClustering.Assign(faces, options.Clustering));
            var manifest = new DatasetManifest(
                new SourceInfo(Path.GetFileName(options.Video), sampler.Info.Width, sampler.Info.Height, sampler.Info.FramesPerSecond, sampler.Info.DurationSeconds),
                Parameters(options),
                frames,
                faces,
                clusters);

            var staged = Path.Combine(output.Staging, DatasetPaths.Staging);
            timing.Export.Measure(() =>
            {
                var exported = new Progress<int>(done => progress?.Report(new RunProgress("export", frames.Count, frames.Count, frames.Count, faces.Count, done, faces.Count)));
                DatasetExporter.Export(output.Staging, manifest, i => Path.Combine(staged, $"{faces[i].Id}.jpg"), move: true, exported, cancellationToken);
                Directory.Delete(staged, recursive: true);
                output.Commit();
                return 0;
            });

            return new RunSummary(output.Destination, frames.Count, faces.Count, manifest.PeopleCount, manifest.NoiseCount, clock.Elapsed,
                timing.Decoding.Total, timing.Detection.Total, timing.Description.Total, timing.Clustering.Total, timing.Export.Total);
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
        ModelFolder.Release);

    private static async Task<(List<FrameRecord> Frames, List<FaceRecord> Faces)> EncodeAsync(
        FrameSampler sampler, IReadOnlyList<FaceEngine> engines, string staging, Timing timing, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var images = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Images)).FullName;
        var portraits = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Staging)).FullName;
        var channel = Channel.CreateBounded<SampledFrame>(new BoundedChannelOptions(engines.Count * 2) { SingleWriter = true });
        var frames = new ConcurrentBag<FrameRecord>();
        var faces = new ConcurrentBag<FaceRecord>();
        int sampled = 0, encoded = 0, faceCount = 0;
        var expected = sampler.Info.DurationSeconds is { } seconds ? (int?)Math.Max(1, (int)Math.Ceiling(seconds / sampler.Interval.TotalSeconds)) : null;
        void Report() => progress?.Report(new RunProgress("encode", sampled, expected, encoded, faceCount, 0, 0));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                using var frameEnumerator = sampler.Sample(stop.Token).GetEnumerator();
                while (timing.Decoding.Measure(frameEnumerator.MoveNext))
                {
                    await channel.Writer.WriteAsync(frameEnumerator.Current, stop.Token);
                    Interlocked.Increment(ref sampled);
                    Report();
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
                throw;
            }
        }, stop.Token);

        var workers = engines.Select(engine => Task.Run(async () =>
        {
            var encoder = new FrameEncoder(engine);
            await foreach (var frame in channel.Reader.ReadAllAsync(stop.Token))
            {
                var jpeg = timing.Decoding.Measure(() => FrameEncoder.ToJpeg(frame.Image));
                var result = encoder.Encode(frame.Index, frame.TimeSeconds, jpeg, timing.Detection, timing.Description);
                await File.WriteAllBytesAsync(Path.Combine(images, result.Frame.FileName), result.FrameJpeg, stop.Token);
                for (var i = 0; i < result.Faces.Count; i++)
                {
                    await File.WriteAllBytesAsync(Path.Combine(portraits, $"{result.Faces[i].Id}.jpg"), result.Portraits[i], stop.Token);
                    faces.Add(result.Faces[i]);
                }

                frames.Add(result.Frame);
                Interlocked.Add(ref faceCount, result.Faces.Count);
                Interlocked.Increment(ref encoded);
                Report();
            }
        }, stop.Token)).ToList();

        try
        {
            await Task.WhenAll(workers.Append(producer));
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers.Append(producer)).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            throw (producer.Exception?.InnerException ?? workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException))
                ?? new OperationCanceledException(cancellationToken);
        }

        return (frames.OrderBy(f => f.Index).ToList(), faces.OrderBy(f => f.Id, StringComparer.Ordinal).ToList());
    }

    private sealed class Timing
    {
        public StageClock Decoding { get; } = new();

        public StageClock Detection { get; } = new();

        public StageClock Description { get; } = new();

        public StageClock Clustering { get; } = new();

        public StageClock Export { get; } = new();
    }
}
