using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Detection;
using FaceMesh.Messaging;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using MassTransit;

namespace FaceMesh.Encoder;

/// <summary>
/// Encodes one frame per message. Redelivery is harmless (the Clusterer records frames idempotently). On the last
/// retry a frame that still fails is reported as failed, so its job can finish.
/// </summary>
public sealed class EncodeFrameConsumer(EnginePool engines, ObjectStores stores, IFaceSink sink, ILogger<EncodeFrameConsumer> logger) : IConsumer<EncodeFrame>
{
    public async Task Consume(ConsumeContext<EncodeFrame> context)
    {
        var message = context.Message;
        var encoding = new FrameEncoding(stores.Work, sink);
        var detector = message.Detector == "tiny" ? DetectorKind.Tiny : DetectorKind.Ssd;
        try
        {
            await engines.UseAsync(detector, async engine =>
            {
                await encoding.EncodeAsync(message, engine, context.CancellationToken);
                return 0;
            }, context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && context.GetRetryAttempt() >= MessagingExtensions.RetryLimit)
        {
            logger.LogError(e, "Frame {Frame} of job {JobId} keeps failing; reporting it as failed", message.FrameIndex, message.JobId);
            await encoding.ReportFailureAsync(message, e.Message, context.CancellationToken);
        }
    }
}
