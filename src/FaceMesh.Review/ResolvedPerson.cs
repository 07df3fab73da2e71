using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review;

/// <summary>
/// A person as the reviewer sees one now. <see cref="Id"/> is an edited person's id, or <c>c&lt;cluster&gt;</c> for a
/// cluster nobody has touched yet (valid for this clustering only). Faces are manifest indexes, best quality first.
/// <see cref="ClusterCount"/>: the clustering's people, after whose numbers unnamed edited people are numbered.
/// </summary>
public sealed record ResolvedPerson(string Id, string? Name, IReadOnlyList<int> Faces, IReadOnlyList<int> Clusters, float[] Centroid, int ClusterCount = 0)
{
    public const string ClusterPrefix = "c";
    public const string EditedPrefix = "p";

    /// <summary>
    /// The name, else the dataset's folder name for an untouched cluster (<c>person_003</c>), else for a person the
    /// review made (a split, a merge) the next numbers after the clusters' (<c>p2</c> of 12 clusters: <c>person_014</c>).
    /// </summary>
    public string DisplayName => Name ?? (IsEdited
        ? Number(EditedPrefix) is { } edited ? DatasetManifest.PersonName(ClusterCount + edited) : $"person_{Id}"
        : DatasetManifest.PersonName(Number(ClusterPrefix) ?? throw new InvalidDataException($"person id '{Id}' is not {ClusterPrefix}<number>")));

    public bool IsEdited => !Id.StartsWith(ClusterPrefix, StringComparison.Ordinal);

    private int? Number(string prefix) =>
        Id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(Id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
