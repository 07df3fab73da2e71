namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// What a client asks for when it submits footage (the upload's header); zero or empty options mean the defaults, an
/// empty <see cref="Dataset"/> a dataset of the job's own.
/// </summary>
public sealed record JobRequest(string JobName, string FileName, long SizeBytes, double IntervalSeconds = 0, string Detector = "", float Eps = 0, int MinSamples = 0,
    string Dataset = "");
