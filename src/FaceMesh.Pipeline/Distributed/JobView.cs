namespace FaceMesh.Pipeline.Distributed;

/// <summary>Where a job stands, as its owner sees it.</summary>
public enum JobPhase
{
    Sampling,
    Encoding,
    Clustering,
    Exporting,
    Done,
    Failed,
    Cancelled,
}

/// <summary>A job's public view, merged from the documents each stage writes (<see cref="JobCatalog"/>).</summary>
public sealed record JobView(
    string JobId,
    JobPhase Phase,
    string Reason,
    int FramesSampled,
    int FramesTotal,
    int FramesEncoded,
    IReadOnlyList<int> FailedFrames,
    int Faces,
    int People,
    string DatasetBucket,
    string DatasetPrefix,
    ExtractorState Submitted)
{
    public bool IsFinished => Phase is JobPhase.Done or JobPhase.Failed or JobPhase.Cancelled;
}
