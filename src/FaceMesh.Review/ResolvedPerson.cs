using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review;

/// <summary>
/// A person as the reviewer sees one now. <see cref="Id"/> is an edited person's id, or <c>c&lt;cluster&gt;</c> for a
/// cluster nobody has touched yet (valid for this clustering only). Faces are manifest indexes, best quality first.
/// </summary>
public sealed record ResolvedPerson(string Id, string? Name, IReadOnlyList<int> Faces, IReadOnlyList<int> Clusters, float[] Centroid)
{
    public const string ClusterPrefix = "c";

    /// <summary>The name, else the dataset's folder name for an untouched cluster (<c>person_003</c>), else <c>person_p7</c>.</summary>
    public string DisplayName => Name ?? (IsEdited ? $"person_{Id}" : DatasetManifest.PersonName(int.Parse(Id.AsSpan(ClusterPrefix.Length), System.Globalization.CultureInfo.InvariantCulture)));

    public bool IsEdited => !Id.StartsWith(ClusterPrefix, StringComparison.Ordinal);
}
