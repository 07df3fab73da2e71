namespace FaceMesh.Pipeline.Export;

/// <summary>
/// Everything a dataset folder records; <c>manifest.json</c> is its serialized form (schema in README.md). A dataset is
/// made of one or more videos (<see cref="Sources"/>); frame indexes run on across them, so every frame and face id is
/// unique in the collection, and each frame names the source it came from.
/// </summary>
public sealed record DatasetManifest(
    IReadOnlyList<SourceInfo> Sources,
    RunParameters Parameters,
    IReadOnlyList<FrameRecord> Frames,
    IReadOnlyList<FaceRecord> Faces,
    IReadOnlyList<int> Clusters)
{
    public const int SchemaVersion = 2;

    /// <summary>The id the next track added to this collection gets.</summary>
    public int NextTrack => Faces.Count == 0 ? 0 : Math.Max(0, Faces.Max(f => f.Track) + 1);

    /// <summary>The index the next frame added to this collection gets.</summary>
    public int NextFrameIndex => Frames.Count == 0 ? 0 : Frames.Max(f => f.Index) + 1;

    public int PeopleCount => Clusters.Where(c => c >= 0).Distinct().Count();

    public int NoiseCount => Clusters.Count(c => c < 0);

    public static string PersonName(int cluster) => cluster < 0 ? "noise" : $"person_{cluster:D3}";

    public string CropPath(int face) => $"people/{PersonName(Clusters[face])}/{Faces[face].Id}.jpg";
}

/// <summary>
/// One video of the footage a dataset came from; <see cref="EndedEarlyAtSeconds"/>: where its stream really ended when
/// that was well before the <see cref="DurationSeconds"/> the container claims (a file cut short), else null.
/// </summary>
public sealed record SourceInfo(string File, int Width, int Height, double FramesPerSecond, double? DurationSeconds, double? EndedEarlyAtSeconds = null);

/// <summary>
/// The settings a dataset was made with, so it can be reproduced or re-clustered; <see cref="TrackIntervalSeconds"/>:
/// the denser sampling within shots that linked tracks (null: none); <see cref="Precision"/>: the SSD detector's
/// arithmetic (null in manifests written before int8 detection, which ran float32); <see cref="ValFraction"/>: the share
/// of frames in YOLO's val list (null: <see cref="TrainValSplit.DefaultValFraction"/>).
/// </summary>
public sealed record RunParameters(
    double IntervalSeconds,
    string Detector,
    float MinConfidence,
    int MinFaceSize,
    int TileSize,
    string Alignment,
    float Eps,
    int MinSamples,
    string Models,
    double? TrackIntervalSeconds = null,
    string? Precision = null,
    double? ValFraction = null);
