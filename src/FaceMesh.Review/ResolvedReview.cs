using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review;

/// <summary>The manifest with the edits applied: who each face is now.</summary>
public sealed record ResolvedReview(
    DatasetManifest Manifest,
    ReviewEdits Edits,
    IReadOnlyList<ResolvedPerson> People,
    IReadOnlyList<ResolvedPerson> DiscardedPeople,
    IReadOnlyList<int> Noise,
    IReadOnlyList<int> Discarded,
    IReadOnlyList<int> Filtered)
{
    public ResolvedPerson? Person(string id) => People.FirstOrDefault(p => p.Id == id);
}
