namespace FaceMesh.Pipeline.Distributed;

/// <summary>The port encoders hand frames to (the Clusterer's gRPC FaceSink in the services).</summary>
public interface IFaceSink
{
    Task RecordFrameAsync(FrameOutcome frame, CancellationToken cancellationToken);
}
