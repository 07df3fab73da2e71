namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// One frame's outcome as an Encoder hands it to the Clusterer (<see cref="IFaceSink"/>): the faces found, with the
/// settings of the engine that found them and the frame's <see cref="Tracking.ShotSignature"/>, or why the frame failed.
/// </summary>
public sealed record FrameOutcome(string JobId, int FrameIndex, double TimeSeconds, int Width, int Height, IReadOnlyList<FaceRecord> Faces, EngineDocument? Engine, string? Failure,
    byte[]? ShotSignature = null)
{
    public static FrameOutcome Failed(string jobId, int frameIndex, double timeSeconds, string reason) => new(jobId, frameIndex, timeSeconds, 0, 0, [], null, reason);
}

/// <summary>How far the Clusterer's count of a job's frames has come.</summary>
public sealed record LedgerProgress(int FramesDone, int FramesTotal);
