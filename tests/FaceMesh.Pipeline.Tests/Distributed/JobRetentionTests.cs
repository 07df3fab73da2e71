using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Retention of finished jobs' working objects, over local-folder stores.</summary>
public sealed class JobRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestBuckets _buckets = new();
    private readonly RecordingBus _bus = new();

    [Fact]
    public async Task JobsFinishedLongerThanTheRetention_LoseTheirWorkingObjects_OnlyThose_AndOnce()
    {
        await RecordedJob.WriteFinishedAsync(_buckets.Work, _buckets.Datasets, _bus, "old", Now.AddDays(-8));
        await RecordedJob.WriteFinishedAsync(_buckets.Work, _buckets.Datasets, _bus, "recent", Now.AddDays(-1));
        await RecordedJob.WriteAsync(_buckets.Work, _bus, "running", frames: 2);
        await JobJson.WriteAsync(_buckets.Work, ObjectKeys.ClustererState("running"), new ClustererState("running", 2, [0, 1], [], 2, JobStates.Clustering, 1, null, null));
        await new JobCatalog(_buckets.Work, "datasets").AddToIndexAsync("running", CancellationToken.None);
        var retention = new JobRetention(_buckets.Work, _buckets.Datasets, TimeSpan.FromDays(7));

        Assert.Equal(["old"], await retention.SweepAsync(Now, CancellationToken.None));
        Assert.Empty(await retention.SweepAsync(Now.AddHours(1), CancellationToken.None));

        Assert.Null(await _buckets.Work.GetAsync(ObjectKeys.Frame("old", 0)));
        Assert.Null(await _buckets.Work.GetAsync(ObjectKeys.Portrait("old", FaceRecord.MakeId(0, 0))));
        Assert.Null(await _buckets.Work.GetAsync(ObjectKeys.Footage("old", "clip.mp4")));
        Assert.NotNull(await _buckets.Datasets.GetAsync($"old/{DatasetPaths.Manifest}"));
        Assert.Equal(JobPhase.Done, (await new JobCatalog(_buckets.Work, "datasets").GetAsync("old", CancellationToken.None))!.Phase);
        foreach (var kept in new[] { "recent", "running" })
        {
            Assert.NotNull(await _buckets.Work.GetAsync(ObjectKeys.Frame(kept, 0)));
            Assert.NotNull(await _buckets.Work.GetAsync(ObjectKeys.Footage(kept, "clip.mp4")));
        }
    }

    [Fact]
    public async Task ZeroDays_KeepsEverything()
    {
        await RecordedJob.WriteFinishedAsync(_buckets.Work, _buckets.Datasets, _bus, "old", Now.AddYears(-1));

        Assert.Empty(await new JobRetention(_buckets.Work, _buckets.Datasets, TimeSpan.Zero).SweepAsync(Now, CancellationToken.None));
        Assert.NotNull(await _buckets.Work.GetAsync(ObjectKeys.Frame("old", 0)));
    }

    public void Dispose() => _buckets.Dispose();
}
