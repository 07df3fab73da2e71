using FaceMesh.Contracts.V1;
using FaceMesh.Hosting.Grpc;
using FaceMesh.Hosting.Security;
using FaceMesh.Pipeline.Distributed;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace FaceMesh.Encoder;

/// <summary>The <see cref="IFaceSink"/> port over the Clusterer's gRPC API, with the internal token.</summary>
public sealed class GrpcFaceSink(FaceSink.FaceSinkClient client, IOptions<AuthOptions> auth) : IFaceSink
{
    public async Task RecordFrameAsync(FrameOutcome frame, CancellationToken cancellationToken) =>
        await client.RecordFrameAsync(FrameOutcomeMessages.ToRequest(frame), new Metadata { { "authorization", $"Bearer {auth.Value.InternalToken}" } },
            deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
}
