using FaceMesh.Contracts.V1;
using FaceMesh.Hosting.Grpc;
using FaceMesh.Pipeline.Distributed;
using Grpc.Core;

namespace FaceMesh.Clusterer;

/// <summary>The internal gRPC API encoders hand frames to.</summary>
public sealed class FaceSinkService(FrameLedger ledger) : FaceSink.FaceSinkBase
{
    public override async Task<RecordFrameReply> RecordFrame(RecordFrameRequest request, ServerCallContext context)
    {
        FrameOutcome frame;
        try
        {
            frame = ObjectKeys.IsValidJobName(request.JobId) && request.FrameIndex >= 0
                ? FrameOutcomeMessages.FromRequest(request)
                : throw new ArgumentException($"invalid job '{request.JobId}' or frame {request.FrameIndex}");
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }

        return FrameOutcomeMessages.ToReply(await ledger.RecordFrameAsync(frame, context.CancellationToken));
    }
}
