namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// The FrameExtractor's part of a job's state. Only the FrameExtractor's submit and sampling write it; what a user asks
/// for later (a cancel) lives in a document of its own, so no writer can overwrite another's intent.
/// </summary>
public sealed record ExtractorState(
    string JobId,
    string SourceFile,
    double IntervalSeconds,
    string Detector,
    float Eps,
    int MinSamples,
    string State,
    int FramesSampled,
    int FramesTotal,
    string? Reason,
    string? Owner = null,
    DateTimeOffset? SubmittedAt = null,
    string? Dataset = null);

/// <summary>
/// The Clusterer's part: which frames are accounted for (a set, so redelivery cannot double-count) and the faces found
/// so far (<see cref="Faces"/>, added when a frame first counts as done).
/// </summary>
public sealed record ClustererState(
    string JobId,
    int FramesTotal,
    List<int> FramesDone,
    List<int> FramesFailed,
    int Faces,
    string State,
    int People,
    string? Reason,
    SourceDocument? Source);

/// <summary>A user's cancel request; written once by the public API, read by every stage.</summary>
public sealed record CancelRequest(string JobId, DateTimeOffset RequestedAt);

/// <summary>Written when retention removed a finished job's working objects.</summary>
public sealed record RetentionRecord(string JobId, DateTimeOffset SweptAt);

/// <summary>The Exporter's part.</summary>
public sealed record ExporterState(string JobId, string State, string? Reason, string DatasetBucket, string DatasetPrefix, DateTimeOffset? FinishedAt = null);

/// <summary>
/// What the footage and its sampling looked like, carried from the FrameExtractor to the Exporter, with the collection
/// the job belongs to (null: a dataset of its own).
/// </summary>
public sealed record SourceDocument(string File, int Width, int Height, double FramesPerSecond, double? DurationSeconds, double IntervalSeconds, string Detector, float Eps, int MinSamples,
    string? Dataset = null);

/// <summary>
/// One frame's faces as the Clusterer records them (idempotently, keyed by job and frame index), with the frame's shot
/// signature (absent in records written before tracking, and for failed frames).
/// </summary>
public sealed record FrameFacesDocument(int FrameIndex, double TimeSeconds, int Width, int Height, string? Failure, List<FaceDocument> Faces, EngineDocument? Engine,
    byte[]? ShotSignature = null);

/// <summary>
/// The settings of the engine that encoded a frame (absent for a frame that failed before reaching one);
/// <see cref="Precision"/> is null in records written before int8 detection (float32).
/// </summary>
public sealed record EngineDocument(string Detector, float MinConfidence, int MinFaceSize, int TileSize, string Alignment, string Models, string? Precision = null);

public sealed record FaceDocument(string Id, float[] Box, float[] Landmarks, float BoxSize, float Score, float Sharpness, float Frontalness, float[] Descriptor);

/// <summary>
/// The clustering result: face ids in manifest order, their clusters and tracks, and each frame's shot (by frame index).
/// Tracks and shots are absent in results written before tracking.
/// </summary>
public sealed record ClustersDocument(List<string> FaceIds, List<int> Clusters, List<int>? Tracks = null, Dictionary<int, int>? Shots = null);

public static class JobStates
{
    public const string Sampling = "Sampling";
    public const string Encoding = "Encoding";
    public const string Clustering = "Clustering";
    public const string Exporting = "Exporting";
    public const string Done = "Done";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";
}
