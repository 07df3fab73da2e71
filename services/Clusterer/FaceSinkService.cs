using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using Grpc.Core;

namespace FaceMesh.Clusterer;

/// <summary>The internal gRPC API encoders hand frames to.</summary>
public sealed class FaceSinkService(FrameLedger ledger) : FaceSink.FaceSinkBase
{
    public override Task<RecordFrameReply> RecordFrame(RecordFrameRequest request, ServerCallContext context)
    {
        if (!ObjectKeys.IsValidJobName(request.JobId) || request.FrameIndex < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid job '{request.JobId}' or frame {request.FrameIndex}"));
        }

        return ledger.RecordFrameAsync(request, context.CancellationToken);
    }
}
