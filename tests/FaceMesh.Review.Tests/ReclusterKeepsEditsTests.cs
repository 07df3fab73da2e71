using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Review;
using FaceMesh.Storage;

namespace FaceMesh.Review.Tests;

[Collection(RealDatasetCollection.Name)]
public sealed class ReclusterKeepsEditsTests(RealDataset dataset)
{
    [Theory]
    [InlineData(0.4f, 3)]
    [InlineData(0.45f, 3)]
    [InlineData(0.55f, 2)]
    public async Task Recluster_KeepsNamesMergesMovesAndDiscards(float eps, int minSamples)
    {
        var folder = dataset.Copy();
        using var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");
        var before = await session.GetAsync();
        var moved = before.People[0].Faces.Take(2).Select(i => before.Manifest.Faces[i].Id).ToArray();
        var discarded = before.Manifest.Faces[before.People[1].Faces[0]].Id;
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People[0].Id, "Ann"));
        await session.ApplyAsync(r => ReviewCommands.Merge(r, r.People[^1].Id, r.People[^2].Id));
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People.Single(p => p.Clusters.Count == 2).Id, "Merged"));
        await session.ApplyAsync(r => ReviewCommands.Move(r, moved, "new"));
        await session.ApplyAsync(r => ReviewCommands.Name(r, r.People.Single(p => p.Faces.Count == 2 && p.Clusters.Count == 1 && p.Name is null && p.IsEdited).Id, "Moved"));
        var edited = await session.ApplyAsync(r => ReviewCommands.Discard(r, [discarded]));

        Reclusterer.Recluster(folder, new ClusteringOptions { Eps = eps, MinSamples = minSamples });
        var after = await session.GetAsync(reloadManifest: true);

        Assert.Equal(eps, after.Manifest.Parameters.Eps);
        foreach (var name in new[] { "Ann", "Merged", "Moved" })
        {
            Assert.Equal(Ids(edited, name), Ids(after, name));
        }

        Assert.Equal([discarded], after.Discarded.Select(i => after.Manifest.Faces[i].Id));
    }

    private static string[] Ids(ResolvedReview review, string name) =>
        [.. review.People.Single(p => p.Name == name).Faces.Select(i => review.Manifest.Faces[i].Id).Order()];
}
