using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Recording an accepted upload, with the FrameExtractor stopping after each of its writes.</summary>
public sealed class JobSubmissionTests : IDisposable
{
    private const string Job = "submitted";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-submit-").FullName;

    [Fact]
    public async Task ANewJob_InheritsNothing_FromStageDocumentsAnEarlierJobOfItsNameLeftBehind()
    {
        var store = new LocalFolderObjectStore(Path.Combine(_root, "store"));
        var footage = Path.Combine(_root, "clip.mp4");
        await File.WriteAllTextAsync(footage, "footage");
        await JobJson.WriteAsync(store, ObjectKeys.ExporterState(Job), new ExporterState(Job, JobStates.Done, null, "datasets", "datasets/show/", DateTimeOffset.UtcNow));
        await JobJson.WriteAsync(store, ObjectKeys.ClustererState(Job), new ClustererState(Job, 3, [0, 1, 2], [], 6, JobStates.Clustering, 2, null, null));
        await new JobCancellation(store).RequestAsync(Job, CancellationToken.None);
        var job = await StoredJob.WriteAsync(new LocalFolderObjectStore(Path.Combine(_root, "unused")), Job);

        await new JobSubmission(store).RecordAsync(job, footage, CancellationToken.None);

        var view = await new JobCatalog(store, "datasets").GetAsync(Job, CancellationToken.None);
        Assert.Equal((JobPhase.Sampling, 0, 0), (view!.Phase, view.FramesEncoded, view.Faces));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AStopAfterAnyWrite_LeavesNoJob_OrAJobTheRestartResumes(int writesBeforeTheStop)
    {
        var store = new StoppingStore(new LocalFolderObjectStore(Path.Combine(_root, "store")), writesBeforeTheStop);
        var footage = Path.Combine(_root, "clip.mp4");
        await File.WriteAllTextAsync(footage, "footage");
        var job = await StoredJob.WriteAsync(new LocalFolderObjectStore(Path.Combine(_root, "unused")), Job);

        await Assert.ThrowsAsync<IOException>(() => new JobSubmission(store).RecordAsync(job, footage, CancellationToken.None));

        var catalog = new JobCatalog(store, "datasets");
        var view = await catalog.GetAsync(Job, CancellationToken.None);
        var resumed = await new SamplingResume(store, Path.Combine(_root, "scratch")).PrepareAsync(Job, CancellationToken.None);
        if (view is null)
        {
            Assert.Null(resumed);
        }
        else
        {
            Assert.Equal(JobPhase.Sampling, view.Phase);
            Assert.Contains(Job, await catalog.ListAsync(CancellationToken.None));
            Assert.NotNull(resumed);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A store whose process "stops" (every later write fails) after a number of writes.</summary>
    private sealed class StoppingStore(IObjectStore inner, int writes) : IObjectStore
    {
        private int _left = writes;

        public Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default) =>
            _left-- > 0 ? inner.PutAsync(key, content, length, contentType, cancellationToken) : throw new IOException("stopped");

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default) => inner.DownloadAsync(key, destination, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default) =>
            inner.CopyToAsync(key, destination, destinationKey, cancellationToken);
    }
}
