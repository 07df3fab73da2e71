using FaceMesh.Contracts.V1;
using FaceMesh.Infrastructure.Storage;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Retention of finished jobs' working objects, over local-folder stores.</summary>
public sealed class JobRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-retention-").FullName;
    private readonly RecordingBus _bus = new();
    private readonly LocalFolderObjectStore _work;
    private readonly LocalFolderObjectStore _datasets;

    public JobRetentionTests()
    {
        _work = new LocalFolderObjectStore(Path.Combine(_root, "work"));
        _datasets = new LocalFolderObjectStore(Path.Combine(_root, "datasets"));
    }

    [Fact]
    public async Task JobsFinishedLongerThanTheRetention_LoseTheirWorkingObjects_OnlyThose_AndOnce()
    {
        await RecordedJob.WriteFinishedAsync(_work, _datasets, _bus, "old", Now.AddDays(-8));
        await RecordedJob.WriteFinishedAsync(_work, _datasets, _bus, "recent", Now.AddDays(-1));
        await RecordedJob.WriteAsync(_work, _bus, "running", frames: 2);
        await JobJson.WriteAsync(_work, ObjectKeys.ClustererState("running"), new ClustererState("running", 2, [0, 1], [], 2, JobStates.Clustering, 1, null, null));
        await new JobCatalog(_work, "datasets").AddToIndexAsync("running", CancellationToken.None);
        var retention = new JobRetention(_work, _datasets, TimeSpan.FromDays(7));

        Assert.Equal(["old"], await retention.SweepAsync(Now, CancellationToken.None));
        Assert.Empty(await retention.SweepAsync(Now.AddHours(1), CancellationToken.None));

        Assert.Null(await _work.GetAsync(ObjectKeys.Frame("old", 0)));
        Assert.Null(await _work.GetAsync(ObjectKeys.Portrait("old", FaceRecord.MakeId(0, 0))));
        Assert.Null(await _work.GetAsync(ObjectKeys.Footage("old", "clip.mp4")));
        Assert.NotNull(await _datasets.GetAsync($"old/{DatasetPaths.Manifest}"));
        Assert.Equal(JobPhase.Done, (await new JobCatalog(_work, "datasets").GetAsync("old", CancellationToken.None))!.Phase);
        foreach (var kept in new[] { "recent", "running" })
        {
            Assert.NotNull(await _work.GetAsync(ObjectKeys.Frame(kept, 0)));
            Assert.NotNull(await _work.GetAsync(ObjectKeys.Footage(kept, "clip.mp4")));
        }
    }

    [Fact]
    public async Task ZeroDays_KeepsEverything()
    {
        await RecordedJob.WriteFinishedAsync(_work, _datasets, _bus, "old", Now.AddYears(-1));

        Assert.Empty(await new JobRetention(_work, _datasets, TimeSpan.Zero).SweepAsync(Now, CancellationToken.None));
        Assert.NotNull(await _work.GetAsync(ObjectKeys.Frame("old", 0)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
