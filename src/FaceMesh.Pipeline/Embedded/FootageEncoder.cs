using System.Collections.Concurrent;
using System.Threading.Channels;
using FaceMesh.Engine;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Tracking;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// Encodes videos one after another into a staging folder: frames into <c>images/</c>, portraits into the hidden
/// staging folder. A sampler feeds a bounded channel (memory stays bounded by <c>2 x engines</c> frames) and one face
/// engine per thread encodes. Frame indexes run on from <paramref name="firstFrame"/> across the videos, so frames and
/// face ids stay unique in a collection; each frame records its video as <c>firstSource</c> plus its place in the list.
/// Once a video is encoded its frames are split into shots at cuts (<see cref="ShotSignature"/>) and its faces linked
/// into tracks (<see cref="TrackLinker"/>), track ids running on from <c>firstTrack</c>. With a track interval, the
/// frames decoded between two dataset frames are analysed too (faces found and described, nothing stored) and take
/// part in shot cuts and track links only, so a face that moves or turns fast between dataset frames stays one track.
/// </summary>
internal sealed class FootageEncoder(IReadOnlyList<FaceEngine> engines, SamplingPlan plan, string staging, RunTiming timing, IProgress<RunProgress>? progress)
{
    private int _sampled;
    private int _encoded;
    private int _faces;

    public async Task<EncodedFootage> EncodeAsync(IReadOnlyList<string> videos, int firstSource, int firstFrame, int firstTrack, CancellationToken cancellationToken)
    {
        // Every video is opened once before the first is encoded: a bad file in the list fails the run at once.
        if (plan.TrackInterval is not null && videos.FirstOrDefault(Directory.Exists) is { } folder)
        {
            throw new InvalidVideoException($"{folder}: a folder of images has no frames between its images: leave out --track-interval.");
        }

        var counts = videos.Select(video =>
        {
            using var probe = FrameSources.Open(video, plan.Interval);
            return probe.KnownFrameCount
                ?? (probe.Info.DurationSeconds is { } duration ? Math.Max(1, (int)Math.Ceiling(duration / plan.Interval.TotalSeconds)) : (int?)null);
        }).ToList();
        var expected = counts.All(count => count is not null) ? counts.Sum() : null;
        var sources = new List<SourceInfo>();
        var frames = new List<FrameRecord>();
        var faces = new List<FaceRecord>();
        var next = firstFrame;
        var track = firstTrack;
        for (var i = 0; i < videos.Count; i++)
        {
            using var sampler = FrameSources.Open(videos[i], plan.DecodeInterval);
            var video = await EncodeAsync(sampler, firstSource + i, next, expected, cancellationToken);
            if (video.Frames.Count == 0)
            {
                throw new InvalidVideoException($"{Path.GetFileName(videos[i])}: no frame could be decoded.");
            }

            var (videoFrames, videoFaces) = (video.Frames, video.Faces);
            track = LinkTracks(video, next, track);

            sources.Add(new SourceInfo(Path.GetFileName(Path.TrimEndingDirectorySeparator(videos[i])), sampler.Info.Width, sampler.Info.Height, sampler.Info.FramesPerSecond, sampler.Info.DurationSeconds, sampler.EndedEarlyAtSeconds));
            frames.AddRange(videoFrames);
            faces.AddRange(videoFaces);
            next = videoFrames[^1].Index + 1;
        }

        return new EncodedFootage(sources, frames, faces);
    }

    /// <summary>
    /// Cuts the video's decoded frames into shots and links their faces into tracks, then keeps the dataset frames'
    /// faces only: their shots and tracks numbered densely in order (tracks from <paramref name="firstTrack"/>).
    /// </summary>
    private int LinkTracks(VideoEncoding video, int firstFrame, int firstTrack)
    {
        var sequence = video.Frames.Select(f => (Decoded: (f.Index - firstFrame) * plan.Stride, Frame: f))
            .Concat(video.Bridges.Select(b => (Decoded: BridgeDecodedIndex(b.Index), Frame: b)))
            .OrderBy(s => s.Decoded)
            .ToList();
        var shots = ShotSignature.Shots([.. sequence.Select(s => video.Signatures[s.Decoded])]);
        var linked = sequence.Select((s, i) => s.Frame with { Shot = shots[i] }).ToList();
        List<FaceRecord> faces = [.. video.Faces, .. video.BridgeFaces];
        TrackLinker.Link(linked, faces, 0);

        var shotIds = new Dictionary<int, int>();
        var keyShots = linked.Where(f => f.Index >= 0).ToDictionary(f => f.Index, f => shotIds.TryGetValue(f.Shot, out var s) ? s : shotIds[f.Shot] = shotIds.Count);
        for (var f = 0; f < video.Frames.Count; f++)
        {
            video.Frames[f] = video.Frames[f] with { Shot = keyShots[video.Frames[f].Index] };
        }

        var trackIds = new Dictionary<int, int>();
        for (var i = 0; i < video.Faces.Count; i++)
        {
            var track = faces[i].Track;
            video.Faces[i] = faces[i] with { Track = trackIds.TryGetValue(track, out var id) ? id : trackIds[track] = firstTrack + trackIds.Count };
        }

        return firstTrack + trackIds.Count;
    }

    /// <summary>Frames decoded only for tracking have negative indexes (never a dataset frame's): -1 - their decoded index.</summary>
    private static int BridgeDecodedIndex(int bridgeIndex) => -1 - bridgeIndex;

    private async Task<VideoEncoding> EncodeAsync(IFrameSource sampler, int source, int firstFrame, int? expected, CancellationToken cancellationToken)
    {
        var images = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Images)).FullName;
        var portraits = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Staging)).FullName;
        var channel = Channel.CreateBounded<SampledFrame>(new BoundedChannelOptions(engines.Count * 2) { SingleWriter = true });
        var frames = new ConcurrentBag<FrameRecord>();
        var faces = new ConcurrentBag<FaceRecord>();
        var bridges = new ConcurrentBag<FrameRecord>();
        var bridgeFaces = new ConcurrentBag<FaceRecord>();
        var signatures = new ConcurrentDictionary<int, byte[]>();
        void Report() => progress?.Report(new RunProgress("encode", _sampled, expected, _encoded, _faces, 0, 0));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                using var frameEnumerator = sampler.Sample(stop.Token).GetEnumerator();
                while (timing.Decoding.Measure(frameEnumerator.MoveNext))
                {
                    await channel.Writer.WriteAsync(frameEnumerator.Current, stop.Token);
                    if (frameEnumerator.Current.Index % plan.Stride == 0)
                    {
                        Interlocked.Increment(ref _sampled);
                        Report();
                    }
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
                if (frame.Index % plan.Stride != 0)
                {
                    var bridge = encoder.Analyse(BridgeDecodedIndex(frame.Index), frame.TimeSeconds, frame.Image, timing.Detection, timing.Description);
                    bridges.Add(bridge.Frame with { Source = source });
                    foreach (var face in bridge.Faces)
                    {
                        bridgeFaces.Add(face);
                    }

                    signatures[frame.Index] = bridge.Signature;
                    continue;
                }

                var jpeg = timing.Decoding.Measure(() => FrameEncoder.ToJpeg(frame.Image));
                var result = encoder.Encode(firstFrame + (frame.Index / plan.Stride), frame.TimeSeconds, jpeg, timing.Detection, timing.Description);
                await File.WriteAllBytesAsync(Path.Combine(images, result.Frame.FileName), result.FrameJpeg, stop.Token);
                for (var i = 0; i < result.Faces.Count; i++)
                {
                    await File.WriteAllBytesAsync(Path.Combine(portraits, $"{result.Faces[i].Id}.jpg"), result.Portraits[i], stop.Token);
                    faces.Add(result.Faces[i]);
                }

                frames.Add(result.Frame with { Source = source, Path = frame.Path });
                signatures[frame.Index] = result.Signature;
                Interlocked.Add(ref _faces, result.Faces.Count);
                Interlocked.Increment(ref _encoded);
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

        return new VideoEncoding(
            [.. frames.OrderBy(f => f.Index)],
            [.. faces.OrderBy(f => f.Id, StringComparer.Ordinal)],
            [.. bridges],
            [.. bridgeFaces],
            signatures);
    }

    /// <summary>
    /// One video encoded: its dataset frames and faces; the frames decoded for tracking only and their faces; every
    /// decoded frame's shot signature by its decoded index.
    /// </summary>
    private sealed record VideoEncoding(
        List<FrameRecord> Frames, List<FaceRecord> Faces, List<FrameRecord> Bridges, List<FaceRecord> BridgeFaces, ConcurrentDictionary<int, byte[]> Signatures);
}

/// <summary>What encoding some videos gave: their descriptions, frames and faces, in order.</summary>
internal sealed record EncodedFootage(List<SourceInfo> Sources, List<FrameRecord> Frames, List<FaceRecord> Faces);
