namespace FaceMesh.Pipeline.Export;

/// <summary>The fixed layout of a dataset folder. Only these entries are ever replaced in an existing folder.</summary>
public static class DatasetPaths
{
    public const string Images = "images";
    public const string Labels = "labels";
    public const string People = "people";
    public const string Montages = "montages";
    public const string DataYaml = "data.yaml";
    public const string TrainList = "train.txt";
    public const string ValList = "val.txt";
    public const string Manifest = "manifest.json";

    /// <summary>The review's edits (names, merges, moves, discards): kept beside the dataset, never replaced by an export.</summary>
    public const string Edits = "edits.json";

    /// <summary>Where encoders park portraits until clustering decides their folder.</summary>
    public const string Staging = ".staging";

    public static readonly string[] Entries = [Images, Labels, People, Montages, TrainList, ValList, DataYaml, Manifest];
}
