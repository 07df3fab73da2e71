using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Testing;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>
/// Collections in the distributed services, over local-folder stores: jobs submitted with one dataset name are
/// clustered together once none is still encoding, and published under datasets/NAME/ with people across videos.
/// </summary>
public sealed class CollectionTests : IDisposable
{
    private const string Show = "show";
    private readonly TestBuckets _buckets = new();
    private readonly RecordingBus _bus = new();
    private readonly FrameLedger _ledger;

    public CollectionTests() => _ledger = new FrameLedger(_buckets.Work, _bus);

    [Fact]
    public async Task TwoVideosSharingAPerson_GiveOnePersonWithFacesFromBoth_ClusteredOnceBothAreEncoded()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann", "ann", "bob", "bob", "bob");
        var second = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "bob", "bob", "ann", "ann");
        await first.RecordAllAsync();
        await second.RecordAsync(0);
        Assert.Empty(_bus.CollectionsClustered);
        Assert.Empty(_bus.Clustered);

        await second.RecordAsync(1);
        await second.RecordAsync(2);
        await second.RecordAsync(3);

        Assert.Equal([new CollectionClustered(Show)], _bus.CollectionsClustered);
        Assert.Empty(_bus.Clustered);
        var (manifest, jobs) = await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishCollectionAsync(Show, CancellationToken.None);
        Assert.Equal(["episode1", "episode2"], jobs);
        Assert.Equal(["episode1.mp4", "episode2.mp4"], manifest.Sources.Select(s => s.File));
        Assert.Equal(2, manifest.PeopleCount);
        Assert.Equal(0, manifest.NoiseCount);
        foreach (var person in Enumerable.Range(0, 2))
        {
            var sources = manifest.Faces.Where((_, i) => manifest.Clusters[i] == person).Select(f => manifest.Frames.Single(fr => fr.Index == f.Frame).Source);
            Assert.Equal([0, 1], sources.Distinct().Order());
        }

        Assert.Equal(manifest.Frames.Count, manifest.Frames.Select(f => f.Index).Distinct().Count());
        Assert.Equal(manifest.Faces.Count, manifest.Faces.Select(f => f.Id).Distinct().Count());
        Assert.NotNull(await _buckets.Datasets.GetAsync($"datasets/{Show}/{DatasetPaths.Manifest}"));
        Assert.NotNull(await _buckets.Datasets.GetAsync($"datasets/{Show}/{DatasetPaths.Images}/{manifest.Frames[^1].FileName}"));
        var view = await new JobCatalog(_buckets.Work, "datasets").GetAsync("episode2", CancellationToken.None);
        Assert.Equal(("datasets/show/", Show), (view!.DatasetPrefix, view.Submitted.Dataset));
    }

    [Fact]
    public async Task TracksOfEachVideo_StayApart_AndEachStaysInOnePerson()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann", "ann");
        var second = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "ann", "ann");
        await first.RecordAllAsync();
        await second.RecordAllAsync();

        var (manifest, _) = await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishCollectionAsync(Show, CancellationToken.None);

        var tracks = manifest.Faces.GroupBy(f => f.Track).ToList();
        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, track => Assert.Single(track.Select(f => manifest.Frames.Single(fr => fr.Index == f.Frame).Source).Distinct()));
    }

    [Fact]
    public async Task AVideoAddedLater_ReclustersAndRepublishes_KeepingTheEdits_AndLeavingNothingStale()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann", "ann", "bob", "bob", "bob");
        await first.RecordAllAsync();
        var publishing = new DatasetPublishing(_buckets.Work, _buckets.Datasets);
        var (before, _) = await publishing.PublishCollectionAsync(Show, CancellationToken.None);
        await _buckets.Datasets.PutTextAsync($"datasets/{Show}/{DatasetPaths.Edits}", "{\"edits\":\"kept\"}");
        Assert.Equal(2, before.PeopleCount);

        var second = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "cid", "cid", "cid", "cid", "cid", "cid", "cid");
        await second.RecordAllAsync();
        var (after, jobs) = await publishing.PublishCollectionAsync(Show, CancellationToken.None);

        Assert.Equal(2, _bus.CollectionsClustered.Count);
        Assert.Equal(["episode1", "episode2"], jobs);
        Assert.Equal(3, after.PeopleCount);
        // Every face id of the first publish is still there: the review's edits are anchored to them.
        Assert.Empty(before.Faces.Select(f => f.Id).Except(after.Faces.Select(f => f.Id)));
        Assert.Equal("{\"edits\":\"kept\"}", System.Text.Encoding.UTF8.GetString((await _buckets.Datasets.GetAsync($"datasets/{Show}/{DatasetPaths.Edits}"))!));
        // People were renumbered by size (cid is now person_000): the old people folders' files went with them.
        var published = Published();
        Assert.Equal(DatasetFiles.Of(after).Append(DatasetPaths.Manifest).Append(DatasetPaths.Edits).Order(), published.Order());
    }

    [Fact]
    public async Task AMemberDeleted_IsLeftOut_WhenTheCollectionIsPublishedAgain()
    {
        await EncodeTwoEpisodesAsync();
        var publishing = new DatasetPublishing(_buckets.Work, _buckets.Datasets);
        await publishing.PublishCollectionAsync(Show, CancellationToken.None);
        await MarkDoneAsync("episode1", "episode2");

        var view = await new JobCatalog(_buckets.Work, "datasets").GetAsync("episode2", CancellationToken.None);
        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteFinishedAsync(view!, includeDataset: false, CancellationToken.None);
        Assert.Equal(["episode1"], await _ledger.CollectionChangedAsync(Show, CancellationToken.None));
        var (after, jobs) = await publishing.PublishCollectionAsync(Show, CancellationToken.None);

        Assert.Equal(["episode1"], jobs);
        Assert.Equal(["episode1.mp4"], after.Sources.Select(s => s.File));
        Assert.Equal(DatasetFiles.Of(after).Append(DatasetPaths.Manifest).Order(), Published().Order());
    }

    [Fact]
    public async Task AMemberDeletedAndSubmittedAgainUnderItsName_IsClusteredAgain_ThoughTheNamesAreTheSame()
    {
        await EncodeTwoEpisodesAsync();
        await MarkDoneAsync("episode1", "episode2");
        var view = await new JobCatalog(_buckets.Work, "datasets").GetAsync("episode2", CancellationToken.None);
        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteFinishedAsync(view!, includeDataset: false, CancellationToken.None);

        // Submitted again before the Clusterer heard of the deletion: when it does, the new episode2 is still encoding.
        var again = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "cid", "cid", "cid");
        Assert.Null(await _ledger.CollectionChangedAsync(Show, CancellationToken.None));
        await again.RecordAllAsync();

        Assert.Equal(2, _bus.CollectionsClustered.Count);
        var (manifest, _) = await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishCollectionAsync(Show, CancellationToken.None);
        Assert.Equal(2, manifest.PeopleCount);
        Assert.Equal(6, manifest.Faces.Count);
    }

    [Fact]
    public async Task ACancelledMember_IsLeftOut_AndTheOthersNoLongerWaitForIt()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann", "ann");
        await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "bob", "bob", "bob");
        await first.RecordAllAsync();
        Assert.Empty(_bus.CollectionsClustered);

        await new JobCancellation(_buckets.Work).RequestAsync("episode2", CancellationToken.None);

        Assert.Equal(["episode1"], await _ledger.CollectionChangedAsync(Show, CancellationToken.None));
        Assert.Null(await _ledger.CollectionChangedAsync(Show, CancellationToken.None));
        Assert.Single(_bus.CollectionsClustered);
    }

    [Fact]
    public async Task AfterARestart_ACollectionClusteredButNeverPublished_IsFound()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann");
        await first.RecordAllAsync();
        Assert.Single(_bus.CollectionsClustered);

        var restarted = new FrameLedger(_buckets.Work, _bus);
        Assert.Equal(Show, await restarted.ResumeAsync("episode1", CancellationToken.None));
        await MarkDoneAsync("episode1");
        Assert.Null(await restarted.ResumeAsync("episode1", CancellationToken.None));
    }

    [Fact]
    public async Task AnotherUsersCollection_CannotBeJoined()
    {
        await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann");
        var membership = new CollectionMembership(_buckets.Work);

        var refused = await Assert.ThrowsAsync<JobRequestException>(() => membership.EnsureMayJoinAsync(Show, new Caller("mallory", false), CancellationToken.None));

        Assert.Equal(JobRefusal.NotOwner, refused.Refusal);
        await membership.EnsureMayJoinAsync(Show, new Caller("alice", false), CancellationToken.None);
        await membership.EnsureMayJoinAsync(Show, new Caller("admin", true), CancellationToken.None);
    }

    [Fact]
    public async Task ASharedDataset_CannotBeDeletedWithOneOfItsJobs_ButWithTheLastOneItCan()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann");
        var second = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "ann", "ann");
        await first.RecordAllAsync();
        await second.RecordAllAsync();
        await new DatasetPublishing(_buckets.Work, _buckets.Datasets).PublishCollectionAsync(Show, CancellationToken.None);
        await MarkDoneAsync("episode1", "episode2");
        var catalog = new JobCatalog(_buckets.Work, "datasets");
        var deletion = new JobDeletion(_buckets.Work, _buckets.Datasets);

        var refused = await Assert.ThrowsAsync<JobRequestException>(async () =>
            await deletion.DeleteFinishedAsync((await catalog.GetAsync("episode1", CancellationToken.None))!, includeDataset: true, CancellationToken.None));
        Assert.Contains("shared with 1 other job", refused.Message);
        Assert.NotNull(await _buckets.Datasets.GetAsync($"datasets/{Show}/{DatasetPaths.Manifest}"));

        await deletion.DeleteFinishedAsync((await catalog.GetAsync("episode1", CancellationToken.None))!, includeDataset: false, CancellationToken.None);
        await deletion.DeleteFinishedAsync((await catalog.GetAsync("episode2", CancellationToken.None))!, includeDataset: true, CancellationToken.None);

        Assert.Empty(Published());
        Assert.Null(await _buckets.Work.GetAsync(ObjectKeys.Collection(Show)));
    }

    [Fact]
    public async Task RetentionKeepsACollectionsJobs_TheirRecordsFeedTheNextPublish()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann");
        await first.RecordAllAsync();
        await JobJson.WriteAsync(_buckets.Work, ObjectKeys.ExporterState("episode1"),
            new ExporterState("episode1", JobStates.Done, null, "datasets", "datasets/show/", DateTimeOffset.UtcNow.AddDays(-30)));

        var swept = await new JobRetention(_buckets.Work, _buckets.Datasets, TimeSpan.FromDays(7)).SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Empty(swept);
        Assert.NotNull(await _buckets.Work.GetAsync(ObjectKeys.Frame("episode1", 0)));
    }

    /// <summary>Two episodes of the collection, ann's and bob's, each encoded to the end.</summary>
    private async Task EncodeTwoEpisodesAsync()
    {
        var first = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode1", "ann", "ann", "ann");
        var second = await CollectionJob.SubmitAsync(_buckets.Work, _ledger, Show, "episode2", "bob", "bob", "bob");
        await first.RecordAllAsync();
        await second.RecordAllAsync();
    }

    private async Task MarkDoneAsync(params string[] jobs)
    {
        foreach (var job in jobs)
        {
            await JobJson.WriteAsync(_buckets.Work, ObjectKeys.ExporterState(job),
                new ExporterState(job, JobStates.Done, null, "datasets", ObjectKeys.DatasetPrefix(job, Show), DateTimeOffset.UtcNow));
        }
    }

    /// <summary>The files under the collection's prefix in the datasets bucket.</summary>
    private List<string> Published()
    {
        var root = Path.Combine(_buckets.Root, "datasets", "datasets", Show);
        return Directory.Exists(root)
            ? [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))]
            : [];
    }

    public void Dispose() => _buckets.Dispose();
}
