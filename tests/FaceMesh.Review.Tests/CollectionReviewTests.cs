using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using FaceMesh.Testing;

namespace FaceMesh.Review.Tests;

/// <summary>
/// A collection in the distributed services, reviewed on the Exporter's page (a session over datasets/NAME/ in the
/// datasets bucket), then grown by a video: the review keeps its names, merges, moves and discards, and named people
/// gain the new video's faces.
/// </summary>
public sealed class CollectionReviewTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-collection-review-").FullName;

    [Fact]
    public async Task AVideoAddedAfterAReview_KeepsTheEdits_AndNamedPeopleGainItsFaces()
    {
        var work = new LocalFolderObjectStore(Path.Combine(_root, "work"));
        var datasets = new LocalFolderObjectStore(Path.Combine(_root, "datasets"));
        var ledger = new FrameLedger(work, new NoBus());
        var publishing = new DatasetPublishing(work, datasets);
        var first = await CollectionJob.SubmitAsync(work, ledger, "show", "episode1",
            "ann", "ann", "ann", "ann", "ann", "bob", "bob", "bob", "bob", "cid", "cid", "cid", "dan", "dan", "dan");
        await first.RecordAllAsync();
        await publishing.PublishCollectionAsync("show", CancellationToken.None);
        using var session = new ReviewSession(datasets, "datasets/show/", "show");
        var (edited, discarded) = await TypicalEdits.ApplyAsync(session);

        var second = await CollectionJob.SubmitAsync(work, ledger, "show", "episode2", "ann", "ann", "ann", "dan", "dan", "dan", "eve", "eve", "eve");
        await second.RecordAllAsync();
        await publishing.PublishCollectionAsync("show", CancellationToken.None);
        var after = await session.GetAsync(reloadManifest: true);

        Assert.Equal(2, after.Manifest.Sources.Count);
        Assert.Equal(edited.People.Count + 1, after.People.Count);
        foreach (var name in new[] { "Ann", "Merged" })
        {
            Assert.Subset(TypicalEdits.Ids(after, name).ToHashSet(), TypicalEdits.Ids(edited, name).ToHashSet());
            Assert.Contains(after.People.Single(p => p.Name == name).Faces, i => after.Manifest.Faces[i].Id.StartsWith("episode2-", StringComparison.Ordinal));
        }

        Assert.Equal(TypicalEdits.Ids(edited, "Moved"), TypicalEdits.Ids(after, "Moved"));
        Assert.Equal([discarded], after.Discarded.Select(i => after.Manifest.Faces[i].Id));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The Clusterer's messages go nowhere here: the test publishes as the Exporter would.</summary>
    private sealed class NoBus : IJobBus
    {
        public Task PublishAsync(Contracts.Messages.EncodeFrame message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(Contracts.Messages.FootageSampled message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(Contracts.Messages.JobClustered message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(Contracts.Messages.CollectionClustered message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(Contracts.Messages.CollectionChanged message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
