using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Deleting a job, and retention's removal of its working objects, over local-folder stores.</summary>
public sealed class JobDeletionTests : IDisposable
{
    private const string Job = "doomed";
    private const string Other = "kept";
    private readonly TestBuckets _buckets = new();
    private readonly RecordingBus _bus = new();

    [Fact]
    public async Task DeleteWithTheDataset_LeavesNothingOfTheJob_AndTouchesNoOtherJob()
    {
        await FinishedJobAsync(Job);
        await FinishedJobAsync(Other);
        var before = Files("work", Other).Concat(Files("datasets", Other)).ToList();

        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteAsync(Job, includeDataset: true, CancellationToken.None);

        Assert.Empty(Files("work", Job));
        Assert.Empty(Files("datasets", Job));
        Assert.Equal(before, Files("work", Other).Concat(Files("datasets", Other)));
        Assert.Equal([Other], await new JobCatalog(_buckets.Work, "datasets").ListAsync(CancellationToken.None));
        Assert.Null(await new JobCatalog(_buckets.Work, "datasets").GetAsync(Job, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteWithoutTheDataset_KeepsTheDataset()
    {
        await FinishedJobAsync(Job);
        var dataset = Files("datasets", Job);

        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteAsync(Job, includeDataset: false, CancellationToken.None);

        Assert.Empty(Files("work", Job));
        Assert.Equal(dataset, Files("datasets", Job));
    }

    [Fact]
    public async Task DeletingWorkingObjects_KeepsTheJobsStateAndDataset()
    {
        await FinishedJobAsync(Job);
        var dataset = Files("datasets", Job);

        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteWorkingObjectsAsync(Job, CancellationToken.None);

        Assert.Equal(["clusterer.json", "exporter.json", "extractor.json"], Files("work", Job).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(dataset, Files("datasets", Job));
        Assert.Equal(JobPhase.Done, (await new JobCatalog(_buckets.Work, "datasets").GetAsync(Job, CancellationToken.None))!.Phase);
    }

    [Fact]
    public async Task FramesStillInFlight_ForADeletedOrCancelledJob_AreNotRecorded()
    {
        await RecordedJob.WriteAsync(_buckets.Work, _bus, Job, frames: 2);
        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteAsync(Job, includeDataset: false, CancellationToken.None);
        await StoredJob.WriteAsync(_buckets.Work, Other, state: JobStates.Encoding);
        await new JobCancellation(_buckets.Work).RequestAsync(Other, CancellationToken.None);

        foreach (var job in new[] { Job, Other })
        {
            await new FrameLedger(_buckets.Work, _bus).RecordFrameAsync(new FrameOutcome(job, 1, 1, 160, 120, [], null, null), CancellationToken.None);
        }

        Assert.Empty(Files("work", Job));
        Assert.Null(await _buckets.Work.GetAsync(ObjectKeys.FrameFaces(Other, 1)));
    }

    [Fact]
    public async Task DeletingAJobWhoseSamplingStopped_RemovesFramesStoredPastItsLastProgress_AcrossGaps()
    {
        // Sampling failed after its progress write at 10 frames, with frames 10 to 13 in flight: 11 and 13 were stored.
        await StoredJob.WriteAsync(_buckets.Work, Job, state: JobStates.Failed, framesSampled: 10);
        foreach (var index in Enumerable.Range(0, 10).Concat([11, 13]))
        {
            await _buckets.Work.PutBytesAsync(ObjectKeys.Frame(Job, index), [0xFF, 0xD8], "image/jpeg");
        }

        await new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteAsync(Job, includeDataset: false, CancellationToken.None);

        Assert.Empty(Files("work", Job));
    }

    private Task FinishedJobAsync(string jobId) => RecordedJob.WriteFinishedAsync(_buckets.Work, _buckets.Datasets, _bus, jobId, DateTimeOffset.UtcNow);

    /// <summary>The job's files in one store, found by walking the folder (the code under test never lists).</summary>
    private List<string> Files(string store, string jobId) =>
        Directory.Exists(Path.Combine(_buckets.Root, store))
            ? Directory.GetFiles(Path.Combine(_buckets.Root, store), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(_buckets.Root, store), f).Replace('\\', '/'))
                .Where(f => f.Split('/').Contains(jobId))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public void Dispose() => _buckets.Dispose();
}
