using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Pipeline.Tests.Distributed;
using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests;

/// <summary>
/// The Clusterer's bookkeeping over a local-folder object store: at-least-once delivery must never duplicate a face,
/// failed frames count as done, clustering happens once, and a new instance (a restart) picks up where the last stopped.
/// The bus here only records what was published; the integration tests run the real RabbitMQ.
/// </summary>
public sealed class FrameLedgerTests : IDisposable
{
    private const string Job = "job-1";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-ledger-").FullName;
    private readonly RecordingBus _bus = new();
    private readonly LocalFolderObjectStore _store;

    public FrameLedgerTests()
    {
        _store = new LocalFolderObjectStore(_root);
        StoredJob.WriteAsync(_store, Job, state: JobStates.Encoding).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task RedeliveredFrames_AreCountedOnce_AndTheirFacesStoredOnce()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(3), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 2), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 2), CancellationToken.None);
        var reply = await ledger.RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None);
        Assert.Equal(2, reply.FramesDone);
        Assert.Empty(_bus.Clustered);

        await ledger.RecordFrameAsync(Frame(2, faces: 0), CancellationToken.None);

        var clusters = await JobJson.ReadAsync<ClustersDocument>(_store, ObjectKeys.Clusters(Job));
        Assert.Equal(new[] { "000000_00", "000000_01", "000001_00" }, clusters!.FaceIds);
        Assert.Single(_bus.Clustered);
    }

    [Fact]
    public async Task FramesArrivingTogether_ShareTheirStateWrites_AndEveryOneIsCountedOnce()
    {
        var slow = new SlowStateStore(_store);
        var ledger = new FrameLedger(slow, _bus);
        await ledger.FootageSampledAsync(Sampled(40), CancellationToken.None);
        var before = slow.StateWrites;

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => ledger.RecordFrameAsync(Frame(i, faces: 1), CancellationToken.None)));

        var state = await JobJson.ReadAsync<ClustererState>(_store, ObjectKeys.ClustererState(Job));
        Assert.Equal(Enumerable.Range(0, 40), state!.FramesDone.Order());
        Assert.Equal((40, JobStates.Clustering), (state.Faces, state.State));
        Assert.Single(_bus.Clustered);
        Assert.Equal(Enumerable.Range(1, 40), replies.Select(r => r.FramesDone).Order());
        // One write per frame before group commits (40, and one more for the clustered state); far fewer now.
        Assert.True(slow.StateWrites - before <= 20, $"{slow.StateWrites - before} state writes for 40 frames");
    }

    [Fact]
    public async Task AJobDeletedAndSubmittedAgainUnderItsName_IsANewJob_ForTheSameClusterer()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(3), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await ledger.RecordFrameAsync(Frame(i, faces: 2), CancellationToken.None);
        }

        await JobJson.WriteAsync(_store, ObjectKeys.ExporterState(Job), new ExporterState(Job, JobStates.Done, null, "datasets", $"{Job}/", DateTimeOffset.UtcNow));
        await new JobDeletion(_store, _store).DeleteAsync(Job, includeDataset: false, CancellationToken.None);
        await StoredJob.WriteAsync(_store, Job, state: JobStates.Encoding);

        await ledger.FootageSampledAsync(Sampled(2), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None);

        Assert.Equal(2, _bus.Clustered.Count);
        var clusters = await JobJson.ReadAsync<ClustersDocument>(_store, ObjectKeys.Clusters(Job));
        Assert.Equal(["000000_00", "000001_00"], clusters!.FaceIds);
        var state = await JobJson.ReadAsync<ClustererState>(_store, ObjectKeys.ClustererState(Job));
        Assert.Equal((2, 2, JobStates.Clustering), (state!.FramesTotal, state.Faces, state.State));
    }

    [Fact]
    public async Task FacesFoundSoFar_AreCountedWhileEncoding_OncePerFrame()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(5), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 2), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 2), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(3, faces: 3), CancellationToken.None);

        var view = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);

        Assert.Equal(JobPhase.Encoding, view!.Phase);
        Assert.Equal(5, view.Faces);
    }

    [Fact]
    public async Task ShotsAndTracks_AreFoundWhenClustering_FromTheFramesSignatures()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(5), CancellationToken.None);
        byte[] room = [.. Enumerable.Repeat((byte)80, 144)], street = [.. Enumerable.Repeat((byte)200, 144)];
        foreach (var (index, signature) in new[] { (0, room), (1, room), (2, room), (4, street) })
        {
            await ledger.RecordFrameAsync(Frame(index, faces: 1) with { ShotSignature = signature }, CancellationToken.None);
        }

        await ledger.RecordFrameAsync(FrameOutcome.Failed(Job, 3, 3, "unreadable"), CancellationToken.None);

        var clusters = (await JobJson.ReadAsync<ClustersDocument>(_store, ObjectKeys.Clusters(Job)))!;
        Assert.Equal([0, 0, 0, 1], clusters.Tracks!);
        Assert.Equal(new Dictionary<int, int> { [0] = 0, [1] = 0, [2] = 0, [4] = 1 }, clusters.Shots!);
    }

    [Fact]
    public async Task FramesBeforeTheCount_AndFailedFrames_CompleteTheJob_ClusteringOnce()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        await ledger.RecordFrameAsync(FrameOutcome.Failed(Job, 1, 1, "corrupt frame"), CancellationToken.None);
        Assert.Empty(_bus.Clustered);

        await ledger.FootageSampledAsync(Sampled(2), CancellationToken.None);
        Assert.Single(_bus.Clustered);

        await ledger.RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        Assert.Single(_bus.Clustered);
        var state = await JobJson.ReadAsync<ClustererState>(_store, ObjectKeys.ClustererState(Job));
        Assert.Equal(new[] { 1 }, state!.FramesFailed);
        Assert.Equal(1, state.Faces);
    }

    [Fact]
    public async Task ANewInstance_ContinuesFromTheStoredState()
    {
        await new FrameLedger(_store, _bus).FootageSampledAsync(Sampled(2), CancellationToken.None);
        await new FrameLedger(_store, _bus).RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        Assert.Empty(_bus.Clustered);

        var reply = await new FrameLedger(_store, _bus).RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None);

        Assert.Equal(2, reply.FramesDone);
        Assert.Single(_bus.Clustered);
    }

    [Fact]
    public async Task APublishThatFails_IsPublishedWhenTheFrameIsRedelivered_AfterARestart()
    {
        await new FrameLedger(_store, _bus).FootageSampledAsync(Sampled(2), CancellationToken.None);
        await new FrameLedger(_store, _bus).RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        _bus.FailClusteredPublishes = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => new FrameLedger(_store, _bus).RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None));

        await new FrameLedger(_store, _bus).RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None);

        Assert.Single(_bus.Clustered);
    }

    [Fact]
    public async Task ACompleteJobLeftUnclustered_IsClusteredOnResume_AndOnlyOnce()
    {
        await new FrameLedger(_store, _bus).FootageSampledAsync(Sampled(1), CancellationToken.None);
        _bus.FailClusteredPublishes = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => new FrameLedger(_store, _bus).RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None));

        var restarted = new FrameLedger(_store, _bus);
        await restarted.ResumeAsync(Job, CancellationToken.None);
        await restarted.ResumeAsync(Job, CancellationToken.None);

        Assert.Single(_bus.Clustered);
        Assert.Equal(JobStates.Clustering, (await JobJson.ReadAsync<ClustererState>(_store, ObjectKeys.ClustererState(Job)))!.State);
    }

    [Fact]
    public async Task ACancelledJob_IsNotClustered()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(2), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 1), CancellationToken.None);
        await new JobCancellation(_store).RequestAsync(Job, CancellationToken.None);

        await ledger.RecordFrameAsync(Frame(1, faces: 1), CancellationToken.None);

        Assert.Empty(_bus.Clustered);
        Assert.Null(await _store.GetAsync(ObjectKeys.Clusters(Job)));
    }

    [Fact]
    public async Task ALateFailureReport_NeverReplacesARecordedFrame_AndFailedFramesAreListed()
    {
        var ledger = new FrameLedger(_store, _bus);
        await ledger.FootageSampledAsync(Sampled(3), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(0, faces: 2), CancellationToken.None);
        await ledger.RecordFrameAsync(FrameOutcome.Failed(Job, 0, 0, "reply lost, retries ran out"), CancellationToken.None);
        await ledger.RecordFrameAsync(FrameOutcome.Failed(Job, 2, 2, "undeliverable"), CancellationToken.None);
        await ledger.RecordFrameAsync(Frame(1, faces: 0), CancellationToken.None);

        var job = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);
        Assert.Equal((2, 1, 2), (job!.FramesEncoded, job.FailedFrames.Count, job.Faces));
        Assert.Equal([2], job.FailedFrames);
        Assert.Single(_bus.Clustered);
    }

    [Fact]
    public async Task LocalFolderStore_RefusesKeysThatLeaveItsFolder()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutTextAsync("../outside.json", "{}"));
        Assert.Null(await _store.GetAsync("missing/key.json"));
    }

    private static FootageSampled Sampled(int frames) => new(Job, frames, "clip.mp4", 640, 480, 25, 10, 1, "ssd", 0.5f, 1);

    private static FrameOutcome Frame(int index, int faces) => new(Job, index, index, 640, 480,
        Enumerable.Range(0, faces).Select(i => new FaceRecord(FaceRecord.MakeId(index, i), index, index, new BoxF(10, 10, 60, 60),
            new float[136], new FaceQuality(50, 0.9f, 100, 1),
            Enumerable.Range(0, 128).Select(d => (float)Math.Sin(d + (i * 7))).ToArray())).ToList(),
        null, null);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A store whose Clusterer state writes take 30 ms (a busy server), counting them.</summary>
    private sealed class SlowStateStore(IObjectStore inner) : IObjectStore
    {
        private int _stateWrites;

        public int StateWrites => _stateWrites;

        public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default)
        {
            if (key.EndsWith("/clusterer.json", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _stateWrites);
                await Task.Delay(30, cancellationToken);
            }

            await inner.PutAsync(key, content, length, contentType, cancellationToken);
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default) => inner.DownloadAsync(key, destination, cancellationToken);

        public Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default) =>
            inner.CopyToAsync(key, destination, destinationKey, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
    }
}
