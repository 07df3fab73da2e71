using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>
/// A restarted FrameExtractor fetching stored footage back, over the local-folder store. Alone in its collection: the
/// memory check reads the process's allocation count, which tests running beside it would add to.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class SamplingResumeTests : IDisposable
{
    private const string Job = "resumed";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-resume-").FullName;
    private readonly string _shmScratch = Path.Combine("/dev/shm", $"facemesh-resume-{Guid.NewGuid():N}");
    private readonly LocalFolderObjectStore _store;

    public SamplingResumeTests() => _store = new LocalFolderObjectStore(Path.Combine(_root, "store"));

    [Fact]
    public async Task FiveGibibyteFootage_IsStreamedToScratch_WithoutGrowingMemory()
    {
        const long size = 5L << 30;
        await SubmittedAsync("big.mp4", JobStates.Sampling);
        // A sparse file stands in for the uploaded footage, laid where the local-folder store keeps the object.
        var stored = Path.Combine(_root, "store", ObjectKeys.Footage(Job, "big.mp4"));
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        await using (var sparse = File.Create(stored))
        {
            sparse.SetLength(size);
        }

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var path = await new SamplingResume(_store, ScratchForGibibytes()).PrepareAsync(Job, CancellationToken.None);
        var grown = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.NotNull(path);
        Assert.Equal(size, new FileInfo(path).Length);
        Assert.True(grown < 64 << 20, $"resuming allocated {grown >> 20} MiB for 5 GiB of footage");
    }

    [Fact]
    public async Task LostFootage_FailsTheJobWithAReason()
    {
        await SubmittedAsync("gone.mp4", JobStates.Sampling);

        Assert.Null(await new SamplingResume(_store, Path.Combine(_root, "scratch")).PrepareAsync(Job, CancellationToken.None));

        var job = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);
        Assert.Equal((JobPhase.Failed, "footage lost before sampling"), (job!.Phase, job.Reason));
    }

    [Theory]
    [InlineData(JobStates.Encoding, false)]
    [InlineData(JobStates.Sampling, true)]
    public async Task JobsPastSampling_OrCancelled_AreNotResumed(string state, bool cancelled)
    {
        await SubmittedAsync("clip.mp4", state);
        await _store.PutTextAsync(ObjectKeys.Footage(Job, "clip.mp4"), "footage");
        if (cancelled)
        {
            await new JobCancellation(_store).RequestAsync(Job, CancellationToken.None);
        }

        Assert.Null(await new SamplingResume(_store, Path.Combine(_root, "scratch")).PrepareAsync(Job, CancellationToken.None));
    }

    /// <summary>Memory-backed /dev/shm where it has room (5 GiB of zeros are written in seconds, not a minute of disk).</summary>
    private string ScratchForGibibytes()
    {
        var shm = new DriveInfo("/dev/shm");
        return shm.IsReady && shm.AvailableFreeSpace > 8L << 30 ? _shmScratch : Path.Combine(_root, "scratch");
    }

    private Task SubmittedAsync(string file, string state) => StoredJob.WriteAsync(_store, Job, file, state);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        if (Directory.Exists(_shmScratch))
        {
            Directory.Delete(_shmScratch, recursive: true);
        }
    }
}
