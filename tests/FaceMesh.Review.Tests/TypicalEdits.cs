namespace FaceMesh.Review.Tests;

/// <summary>
/// A review's usual edits, as later changes to the dataset must keep them: the largest person named "Ann", the two
/// smallest merged and named "Merged", two of Ann's faces moved to a new person "Moved", one face discarded.
/// </summary>
public static class TypicalEdits
{
    /// <summary>Applies the edits; returns the review after them and the discarded face's id.</summary>
    public static async Task<(ResolvedReview Edited, string Discarded)> ApplyAsync(ReviewSession session)
    {
        var before = await session.GetAsync();
        var moved = before.People[0].Faces.Take(2).Select(i => before.Manifest.Faces[i].Id).ToArray();
        var discarded = before.Manifest.Faces[before.People[1].Faces[0]].Id;
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People[0].Id, "Ann"));
        await session.ApplyAsync(r => ReviewCommands.Merge(r, r.People[^1].Id, r.People[^2].Id));
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People.Single(p => p.Clusters.Count == 2).Id, "Merged"));
        await session.ApplyAsync(r => ReviewCommands.Move(r, moved, "new"));
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People.Single(p => p.Faces.Count == 2 && p.Clusters.Count == 1 && p.Name is null && p.IsEdited).Id, "Moved"));
        return (await session.ApplyAsync(r => ReviewCommands.Discard(r, [discarded])), discarded);
    }

    /// <summary>The ids of the faces of the person named <paramref name="name"/>, sorted.</summary>
    public static string[] Ids(ResolvedReview review, string name) =>
        [.. review.People.Single(p => p.Name == name).Faces.Select(i => review.Manifest.Faces[i].Id).Order()];
}
