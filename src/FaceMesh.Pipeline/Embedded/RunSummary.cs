using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// The outcome of a run, with where the time went (CPU time summed over threads for the parallel stages);
/// <see cref="CutShort"/>: the dataset's videos whose stream ended well before their claimed duration.
/// </summary>
public sealed record RunSummary(
    string Output,
    int Frames,
    int Faces,
    int People,
    int Noise,
    TimeSpan Elapsed,
    TimeSpan Decoding,
    TimeSpan Detection,
    TimeSpan Description,
    TimeSpan Clustering,
    TimeSpan Export,
    IReadOnlyList<SourceInfo>? CutShort = null);
