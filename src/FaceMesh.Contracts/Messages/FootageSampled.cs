namespace FaceMesh.Contracts.Messages;

/// <summary>
/// Every frame of a job is stored and published; the Clusterer now knows how many to wait for. <see cref="Dataset"/>: the
/// collection the job belongs to (null: the job is a dataset of its own).
/// </summary>
public record FootageSampled(string JobId, int FrameCount, string SourceFile, int Width, int Height, double FramesPerSecond, double? DurationSeconds, double IntervalSeconds, string Detector, float Eps, int MinSamples,
    string? Dataset = null);
