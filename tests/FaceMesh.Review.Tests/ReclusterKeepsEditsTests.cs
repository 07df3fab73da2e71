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
        var (edited, discarded) = await TypicalEdits.ApplyAsync(session);

        Reclusterer.Recluster(folder, new ClusteringOptions { Eps = eps, MinSamples = minSamples });
        var after = await session.GetAsync(reloadManifest: true);

        Assert.Equal(eps, after.Manifest.Parameters.Eps);
        foreach (var name in new[] { "Ann", "Merged", "Moved" })
        {
            Assert.Equal(TypicalEdits.Ids(edited, name), TypicalEdits.Ids(after, name));
        }

        Assert.Equal([discarded], after.Discarded.Select(i => after.Manifest.Faces[i].Id));
    }
}
