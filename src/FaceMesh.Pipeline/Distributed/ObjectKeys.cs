using System.Text.RegularExpressions;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>Where each stage keeps a job's objects in the work bucket.</summary>
public static partial class ObjectKeys
{
    public const string JobIndex = "jobs/index.json";

    /// <summary>The uploaded footage, under a key-safe form of the client's file name (the name itself is kept as data).</summary>
    public static string Footage(string job, string fileName) => $"footage/{job}/{SafeFileName(fileName)}";

    public static string Frame(string job, int index) => $"frames/{job}/{index:D6}.jpg";

    public static string Portrait(string job, string faceId) => $"faces/{job}/{faceId}.jpg";

    public static string FrameFaces(string job, int index) => $"jobs/{job}/frames/{index:D6}.json";

    public static string ExtractorState(string job) => $"jobs/{job}/extractor.json";

    public static string ClustererState(string job) => $"jobs/{job}/clusterer.json";

    public static string ExporterState(string job) => $"jobs/{job}/exporter.json";

    public static string Cancel(string job) => $"jobs/{job}/cancel.json";

    public static string Retention(string job) => $"jobs/{job}/retention.json";

    public static string Clusters(string job) => $"jobs/{job}/clusters.json";

    /// <summary>A collection's members and settings (<see cref="CollectionDocument"/>), in the work bucket.</summary>
    public static string Collection(string name) => $"collections/{name}/collection.json";

    /// <summary>The clustering of a whole collection (<see cref="CollectionClustersDocument"/>), in the work bucket.</summary>
    public static string CollectionClusters(string name) => $"collections/{name}/clusters.json";

    /// <summary>
    /// Where a job's dataset is published in the datasets bucket: under the job's id, or for a collection's member
    /// under <c>datasets/&lt;collection&gt;/</c> (which is why no job may be called "datasets").
    /// </summary>
    public static string DatasetPrefix(string job, string? collection) => collection is null ? $"{job}/" : CollectionPrefix(collection);

    /// <summary>Where a collection's dataset is published in the datasets bucket.</summary>
    public static string CollectionPrefix(string collection) => $"{CollectionsFolder}/{collection}/";

    public const string CollectionsFolder = "datasets";

    /// <summary>Job names become object keys and folder names: letters, digits, '-', '_' and '.', not starting with '.'.</summary>
    public static bool IsValidJobName(string? name) => name is not null && JobName().IsMatch(name);

    /// <summary>
    /// A file name as it may appear in a key or a scratch path: unchanged when it is a valid job name, else every other
    /// character as '_', no leading dot, at most 64 characters with the extension kept ("my clip.mp4" is "my_clip.mp4").
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        if (IsValidJobName(fileName))
        {
            return fileName;
        }

        var extension = Unsafe().Replace(Path.GetExtension(fileName), "_");
        extension = extension.Length > 16 ? string.Empty : extension;
        var stem = Unsafe().Replace(Path.GetFileNameWithoutExtension(fileName), "_").TrimStart('.');
        stem = stem.Length == 0 ? "footage" : stem[..Math.Min(stem.Length, 64 - extension.Length)];
        return stem + extension;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex JobName();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
