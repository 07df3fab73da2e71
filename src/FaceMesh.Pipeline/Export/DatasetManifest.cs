namespace FaceMesh.Pipeline.Export;

/// <summary>Everything a dataset folder records; <c>manifest.json</c> is its serialized form (schema in README.md).</summary>
public sealed record DatasetManifest(
    SourceInfo Source,
    RunParameters Parameters,
    IReadOnlyList<FrameRecord> Frames,
    IReadOnlyList<FaceRecord> Faces,
    IReadOnlyList<int> Clusters)
{
    public const int SchemaVersion = 1;

    public int PeopleCount => Clusters.Where(c => c >= 0).Distinct().Count();

    public int NoiseCount => Clusters.Count(c => c < 0);

    public static string PersonName(int cluster) => cluster < 0 ? "noise" : $"person_{cluster:D3}";

    public string CropPath(int face) => $"people/{PersonName(Clusters[face])}/{Faces[face].Id}.jpg";
}

/// <summary>The footage a dataset came from.</summary>
public sealed record SourceInfo(string File, int Width, int Height, double FramesPerSecond, double? DurationSeconds);

/// <summary>The settings a dataset was made with, so it can be reproduced or re-clustered.</summary>
public sealed record RunParameters(
    double IntervalSeconds,
    string Detector,
    float MinConfidence,
    int MinFaceSize,
    int TileSize,
    string Alignment,
    float Eps,
    int MinSamples,
    string Models);
