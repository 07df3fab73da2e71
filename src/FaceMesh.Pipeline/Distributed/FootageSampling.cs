using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Video;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Pipeline.Encoding;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 1 of the distributed run (in the FrameExtractor): samples stored footage, stores each frame as an object and
/// publishes one <see cref="EncodeFrame"/> per frame, in order, a few frames at once (<see cref="FrameHandoff"/>), then
/// <see cref="FootageSampled"/> with the count. Re-running it (after a restart) overwrites the same keys and
/// republishes; downstream stages are idempotent. A cancel request is looked for with every progress update and before
/// the count is published: sampling then stops there, once the frames in flight are stored.
/// </summary>
public sealed class FootageSampling(IObjectStore store, IJobBus bus)
{
    private const int ProgressEvery = 10;

    public async Task RunAsync(string footagePath, ExtractorState job, CancellationToken cancellationToken)
    {
        var cancellation = new JobCancellation(store);
        using var sampler = new FrameSampler(footagePath, TimeSpan.FromSeconds(job.IntervalSeconds));
        await using var handoff = new FrameHandoff(
            (frame, token) => store.PutBytesAsync(ObjectKeys.Frame(job.JobId, frame.Index), FrameEncoder.ToJpeg(frame.Image), "image/jpeg", token),
            (frame, token) => bus.PublishAsync(new EncodeFrame(job.JobId, frame.Index, frame.TimeSeconds, ObjectKeys.Frame(job.JobId, frame.Index), job.Detector), token),
            cancellationToken);
        var count = 0;
        foreach (var frame in sampler.Sample(cancellationToken))
        {
            await handoff.AddAsync(frame);
            count++;
            if (count % ProgressEvery == 0)
            {
                if (await cancellation.IsRequestedAsync(job.JobId, cancellationToken))
                {
                    await handoff.DrainAsync();
                    await WriteStateAsync(job with { FramesSampled = count, State = JobStates.Cancelled }, cancellationToken);
                    return;
                }

                await WriteStateAsync(job with { FramesSampled = count }, cancellationToken);
            }
        }

        await handoff.DrainAsync();
        if (count == 0)
        {
            throw new InvalidVideoException($"{job.SourceFile}: no frame could be decoded.");
        }

        if (await cancellation.IsRequestedAsync(job.JobId, cancellationToken))
        {
            await WriteStateAsync(job with { FramesSampled = count, State = JobStates.Cancelled }, cancellationToken);
            return;
        }

        var info = sampler.Info;
        await bus.PublishAsync(new FootageSampled(job.JobId, count, job.SourceFile, info.Width, info.Height, info.FramesPerSecond, info.DurationSeconds,
            job.IntervalSeconds, job.Detector, job.Eps, job.MinSamples, job.Dataset), cancellationToken);
        await WriteStateAsync(job with { FramesSampled = count, FramesTotal = count, State = JobStates.Encoding }, cancellationToken);
    }

    private Task WriteStateAsync(ExtractorState state, CancellationToken cancellationToken) =>
        JobJson.WriteAsync(store, ObjectKeys.ExtractorState(state.JobId), state, cancellationToken);
}
