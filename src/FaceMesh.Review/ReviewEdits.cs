using System.Collections.Immutable;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Review;

/// <summary>
/// A person's decisions about a dataset, kept in <c>edits.json</c> beside the manifest. Everything is keyed by what
/// survives re-clustering: face ids, and people anchored by the descriptor centroids of the clusters they were made
/// from. Cluster numbers are never stored.
/// </summary>
public sealed record ReviewEdits(
    int Revision,
    ImmutableList<EditedPerson> People,
    ImmutableDictionary<string, string> Assignments,
    ImmutableHashSet<string> Discarded,
    QualityFilter Filter,
    int NextPersonNumber,
    ImmutableList<ReviewEdits> Undo)
{
    public const int SchemaVersion = 1;

    /// <summary>Undo steps kept; older ones are dropped.</summary>
    public const int UndoDepth = 100;

    /// <summary>The label of a face explicitly moved out of every person.</summary>
    public const string NoiseLabel = "noise";

    public static ReviewEdits Empty { get; } = new(0, [], ImmutableDictionary<string, string>.Empty, [], QualityFilter.None, 1, []);

    public EditedPerson? Person(string id) => People.Find(p => p.Id == id);

    public ReviewEdits WithPerson(EditedPerson person)
    {
        var index = People.FindIndex(p => p.Id == person.Id);
        return this with { People = index < 0 ? People.Add(person) : People.SetItem(index, person) };
    }
}

/// <summary>
/// A person the reviewer touched. <see cref="Anchors"/>: centroids of the clusters that belong to this person; a
/// cluster of any later clustering whose centroid lies within <see cref="ReviewResolver.AnchorRadius"/> of one joins it.
/// </summary>
public sealed record EditedPerson(string Id, string? Name, bool Discarded, ImmutableList<float[]> Anchors);

/// <summary>Faces below any of these are left out, like discarded faces, until the filter changes. 0 = no limit.</summary>
public sealed record QualityFilter(float MinBoxSize, float MinSharpness, float MinFrontalness)
{
    public static QualityFilter None { get; } = new(0, 0, 0);

    public bool Passes(FaceQuality quality) =>
        quality.BoxSize >= MinBoxSize && quality.Sharpness >= MinSharpness && quality.Frontalness >= MinFrontalness;
}
