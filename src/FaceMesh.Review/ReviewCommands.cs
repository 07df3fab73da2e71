using System.Collections.Immutable;
using FaceMesh.Engine.Clustering;

namespace FaceMesh.Review;

/// <summary>
/// The reviewer's actions, each a pure function from the current review to the next edits. Touching an untouched
/// cluster first turns it into an edited person anchored at the cluster's centroid. Every action can be undone.
/// </summary>
public static class ReviewCommands
{
    public const int MaxNameLength = 100;

    public static ReviewEdits Name(ResolvedReview review, string personId, string? name)
    {
        var (edits, person) = Materialize(review, personId);
        return Commit(review.Edits, edits.WithPerson(person with { Name = CleanName(name) }));
    }

    /// <summary><paramref name="sourceId"/> joins <paramref name="targetId"/>: its anchors and hand-moved faces follow.</summary>
    public static ReviewEdits Merge(ResolvedReview review, string sourceId, string targetId)
    {
        if (sourceId == targetId)
        {
            throw new ReviewException("a person cannot be merged with itself");
        }

        var (edits, source) = Materialize(review, sourceId);
        (edits, var target) = Materialize(review with { Edits = edits }, targetId);
        var merged = target with { Name = target.Name ?? source.Name, Anchors = target.Anchors.AddRange(source.Anchors) };
        var assignments = edits.Assignments.ToImmutableDictionary(p => p.Key, p => p.Value == source.Id ? target.Id : p.Value);
        edits = edits.WithPerson(merged) with { Assignments = assignments };
        return Commit(review.Edits, edits with { People = edits.People.RemoveAll(p => p.Id == source.Id) });
    }

    /// <summary>Moves faces to a person, to a new person (<c>new</c>) or out of every person (<c>noise</c>).</summary>
    public static ReviewEdits Move(ResolvedReview review, IReadOnlyCollection<string> faceIds, string targetId)
    {
        var faces = KnownFaces(review, faceIds);
        var edits = review.Edits;
        string target;
        if (targetId == "new")
        {
            target = $"p{edits.NextPersonNumber}";
            edits = edits.WithPerson(new EditedPerson(target, null, false, [])) with { NextPersonNumber = edits.NextPersonNumber + 1 };
        }
        else if (targetId == ReviewEdits.NoiseLabel)
        {
            target = ReviewEdits.NoiseLabel;
        }
        else
        {
            (edits, var person) = Materialize(review, targetId);
            target = person.Id;
        }

        return Commit(review.Edits, edits with
        {
            Assignments = edits.Assignments.SetItems(faces.Select(f => KeyValuePair.Create(f, target))),
            Discarded = edits.Discarded.Except(faces),
        });
    }

    public static ReviewEdits Discard(ResolvedReview review, IReadOnlyCollection<string> faceIds) =>
        Commit(review.Edits, review.Edits with { Discarded = review.Edits.Discarded.Union(KnownFaces(review, faceIds)) });

    public static ReviewEdits Restore(ResolvedReview review, IReadOnlyCollection<string> faceIds) =>
        Commit(review.Edits, review.Edits with { Discarded = review.Edits.Discarded.Except(KnownFaces(review, faceIds)) });

    public static ReviewEdits DiscardPerson(ResolvedReview review, string personId, bool discarded = true)
    {
        var (edits, person) = Materialize(review, personId);
        return Commit(review.Edits, edits.WithPerson(person with { Discarded = discarded }));
    }

    /// <summary>The person's faces re-clustered at a tighter <paramref name="eps"/>: parts as face indexes, largest first.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> SplitParts(ResolvedReview review, string personId, float eps)
    {
        if (!(eps > 0.01f && eps < 2f))
        {
            throw new ReviewException("eps must lie between 0.01 and 2");
        }

        var person = review.Person(personId) ?? throw new ReviewException($"no person {personId}");
        var labels = Dbscan.NumberBySize(Dbscan.Fit([.. person.Faces.Select(i => review.Manifest.Faces[i].Descriptor)], eps, minSamples: 1));
        return [.. person.Faces.Select((face, k) => (face, label: labels[k])).GroupBy(x => x.label).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<int>)[.. g.Select(x => x.face)])];
    }

    /// <summary>Keeps the largest part with the person; every other part becomes a new person anchored at its centroid.</summary>
    public static ReviewEdits Split(ResolvedReview review, string personId, float eps)
    {
        var parts = SplitParts(review, personId, eps);
        if (parts.Count < 2)
        {
            throw new ReviewException($"at eps {eps:0.00} the faces of this person form one group; try a smaller eps");
        }

        var (edits, _) = Materialize(review, personId);
        foreach (var part in parts.Skip(1))
        {
            var id = $"p{edits.NextPersonNumber}";
            var anchor = ReviewResolver.Centroid(review.Manifest, part);
            edits = edits.WithPerson(new EditedPerson(id, null, false, [anchor])) with
            {
                NextPersonNumber = edits.NextPersonNumber + 1,
                Assignments = edits.Assignments.SetItems(part.Select(i => KeyValuePair.Create(review.Manifest.Faces[i].Id, id))),
            };
        }

        return Commit(review.Edits, edits);
    }

    public static ReviewEdits SetFilter(ResolvedReview review, QualityFilter filter)
    {
        if (!(filter.MinBoxSize >= 0 && filter.MinSharpness >= 0 && filter.MinFrontalness is >= 0 and <= 1))
        {
            throw new ReviewException("filter limits must be positive (frontalness at most 1)");
        }

        return Commit(review.Edits, review.Edits with { Filter = filter });
    }

    public static ReviewEdits Undo(ResolvedReview review)
    {
        var edits = review.Edits;
        if (edits.Undo.IsEmpty)
        {
            throw new ReviewException("nothing to undo");
        }

        return edits.Undo[^1] with { Revision = edits.Revision + 1, Undo = edits.Undo.RemoveAt(edits.Undo.Count - 1) };
    }

    private static ReviewEdits Commit(ReviewEdits before, ReviewEdits after)
    {
        var undo = before.Undo.Add(before with { Undo = [] });
        if (undo.Count > ReviewEdits.UndoDepth)
        {
            undo = undo.RemoveRange(0, undo.Count - ReviewEdits.UndoDepth);
        }

        return after with { Revision = before.Revision + 1, Undo = undo };
    }

    /// <summary>The edited person behind an id, creating it (anchored at its cluster's centroid) for an untouched cluster.</summary>
    private static (ReviewEdits Edits, EditedPerson Person) Materialize(ResolvedReview review, string personId)
    {
        var edits = review.Edits;
        if (edits.Person(personId) is { } existing)
        {
            return (edits, existing);
        }

        var resolved = review.Person(personId);
        if (resolved is null || resolved.IsEdited)
        {
            throw new ReviewException($"no person {personId}");
        }

        var centroids = ReviewResolver.ClusterCentroids(review.Manifest);
        var person = new EditedPerson($"p{edits.NextPersonNumber}", null, false, [.. resolved.Clusters.Select(c => centroids[c])]);
        return (edits.WithPerson(person) with { NextPersonNumber = edits.NextPersonNumber + 1 }, person);
    }

    private static string[] KnownFaces(ResolvedReview review, IReadOnlyCollection<string> faceIds)
    {
        var known = review.Manifest.Faces.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = faceIds.FirstOrDefault(id => !known.Contains(id));
        if (faceIds.Count == 0 || unknown is not null)
        {
            throw new ReviewException(unknown is null ? "no faces selected" : $"no face {unknown}");
        }

        return [.. faceIds.Distinct(StringComparer.Ordinal)];
    }

    private static string? CleanName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new ReviewException($"a name has at most {MaxNameLength} characters and no control characters");
        }

        return trimmed;
    }
}
