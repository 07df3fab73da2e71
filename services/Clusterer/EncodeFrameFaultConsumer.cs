using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;
using MassTransit;

namespace FaceMesh.Clusterer;

/// <summary>
/// Dead letters: an <see cref="EncodeFrame"/> that failed every retry (even reporting its own failure, e.g. while the
/// Clusterer was down) lies in the <c>encode-frame_error</c> queue for the operator, and MassTransit publishes its
/// <see cref="Fault{T}"/>. Recording the frame as failed here lets the job finish and name the frame, instead of waiting.
/// </summary>
public sealed class EncodeFrameFaultConsumer(FrameLedger ledger, ILogger<EncodeFrameFaultConsumer> logger) : IConsumer<Fault<EncodeFrame>>
{
    public async Task Consume(ConsumeContext<Fault<EncodeFrame>> context)
    {
        var frame = context.Message.Message;
        if (!ObjectKeys.IsValidJobName(frame.JobId) || frame.FrameIndex < 0)
        {
            return;
        }

        var reason = context.Message.Exceptions.FirstOrDefault()?.Message ?? "failed every retry";
        logger.LogWarning("Frame {Frame} of job {JobId} failed every retry ({Reason}); recording it as failed", frame.FrameIndex, frame.JobId, reason);
        await ledger.RecordFrameAsync(FrameOutcome.Failed(frame.JobId, frame.FrameIndex, frame.TimeSeconds, reason), context.CancellationToken);
    }
}
