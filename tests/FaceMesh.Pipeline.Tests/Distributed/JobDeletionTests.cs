using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Infrastructure.Storage;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Review;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Deleting a job, and retention's removal of its working objects, over local-folder stores.</summary>
public sealed class JobDeletionTests : IDisposable
{
    private const string Job = "doomed";
    private const string Other = "kept";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-delete-").FullName;
    private readonly RecordingBus _bus = new();
    private readonly LocalFolderObjectStore _work;
    private readonly LocalFolderObjectStore _datasets;

    public JobDeletionTests()
    {
        _work = new LocalFolderObjectStore(Path.Combine(_root, "work"));
        _datasets = new LocalFolderObjectStore(Path.Combine(_root, "datasets"));
    }

    [Fact]
    public async Task DeleteWithTheDataset_LeavesNothingOfTheJob_AndTouchesNoOtherJob()
    {
        await FinishedJobAsync(Job);
        await FinishedJobAsync(Other);
        var before = Files("work", Other).Concat(Files("datasets", Other)).ToList();

        await new JobDeletion(_work, _datasets).DeleteAsync(Job, includeDataset: true, CancellationToken.None);

        Assert.Empty(Files("work", Job));
        Assert.Empty(Files("datasets", Job));
        Assert.Equal(before, Files("work", Other).Concat(Files("datasets", Other)));
        Assert.Equal([Other], await new JobCatalog(_work, "datasets").ListAsync(CancellationToken.None));
        Assert.Null(await new JobCatalog(_work, "datasets").GetAsync(Job, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteWithoutTheDataset_KeepsTheDataset()
    {
        await FinishedJobAsync(Job);
        var dataset = Files("datasets", Job);

        await new JobDeletion(_work, _datasets).DeleteAsync(Job, includeDataset: false, CancellationToken.None);

        Assert.Empty(Files("work", Job));
        Assert.Equal(dataset, Files("datasets", Job));
    }

    [Fact]
    public async Task DeletingWorkingObjects_KeepsTheJobsStateAndDataset()
    {
        await FinishedJobAsync(Job);
        var dataset = Files("datasets", Job);

        await new JobDeletion(_work, _datasets).DeleteWorkingObjectsAsync(Job, CancellationToken.None);

        Assert.Equal(["clusterer.json", "exporter.json", "extractor.json"], Files("work", Job).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(dataset, Files("datasets", Job));
        Assert.Equal(JobPhase.Done, (await new JobCatalog(_work, "datasets").GetAsync(Job, CancellationToken.None))!.Phase);
    }

    [Fact]
    public async Task FramesStillInFlight_ForADeletedOrCancelledJob_AreNotRecorded()
    {
        await RecordedJob.WriteAsync(_work, _bus, Job, frames: 2);
        await new JobDeletion(_work, _datasets).DeleteAsync(Job, includeDataset: false, CancellationToken.None);
        await StoredJob.WriteAsync(_work, Other, state: JobStates.Encoding);
        await new JobCancellation(_work).RequestAsync(Other, CancellationToken.None);

        foreach (var job in new[] { Job, Other })
        {
            await new FrameLedger(_work, _bus).RecordFrameAsync(new FrameOutcome(job, 1, 1, 160, 120, [], null, null), CancellationToken.None);
        }

        Assert.Empty(Files("work", Job));
        Assert.Null(await _work.GetAsync(ObjectKeys.FrameFaces(Other, 1)));
    }

    private Task FinishedJobAsync(string jobId) => RecordedJob.WriteFinishedAsync(_work, _datasets, _bus, jobId, DateTimeOffset.UtcNow);

    /// <summary>The job's files in one store, found by walking the folder (the code under test never lists).</summary>
    private List<string> Files(string store, string jobId) =>
        Directory.Exists(Path.Combine(_root, store))
            ? Directory.GetFiles(Path.Combine(_root, store), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(_root, store), f).Replace('\\', '/'))
                .Where(f => f.Split('/').Contains(jobId))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
