using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The FrameExtractor's stage over a local-folder store and a recording bus.</summary>
public sealed class FootageSamplingTests : IDisposable
{
    private const string Job = "clip-job";
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-sampling-").FullName;
    private readonly RecordingBus _bus = new();
    private readonly LocalFolderObjectStore _store;

    public FootageSamplingTests() => _store = new LocalFolderObjectStore(Path.Combine(_root, "store"));

    [Fact]
    public async Task CancelWhileSampling_StopsSampling_AndTheJobEndsCancelled()
    {
        var clip = SyntheticClip.Write(_root, seconds: 30);
        var job = await SubmittedAsync(intervalSeconds: 0.5);
        _bus.OnFrame = async frame =>
        {
            if (frame.FrameIndex == 3)
            {
                await new JobCancellation(_store).RequestAsync(Job, CancellationToken.None);
            }
        };

        await new FootageSampling(_store, _bus).RunAsync(clip, job, CancellationToken.None);

        var view = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);
        Assert.Equal(JobPhase.Cancelled, view!.Phase);
        Assert.Empty(_bus.Sampled);
        Assert.True(_bus.Frames.Count < 60, $"sampling went on after the cancel: {_bus.Frames.Count} of 60 frames published");
    }

    [Fact]
    public async Task SamplingToTheEnd_PublishesEveryFrame_ThenTheCount_AndTheJobIsEncoding()
    {
        var clip = SyntheticClip.Write(_root, seconds: 5);
        var job = await SubmittedAsync(intervalSeconds: 1);

        await new FootageSampling(_store, _bus).RunAsync(clip, job, CancellationToken.None);

        Assert.Equal([0, 1, 2, 3, 4], _bus.Frames.Select(f => f.FrameIndex));
        Assert.Equal(5, Assert.Single(_bus.Sampled).FrameCount);
        foreach (var frame in _bus.Frames)
        {
            Assert.NotNull(await _store.GetAsync(frame.FrameKey));
        }

        var view = await new JobCatalog(_store, "datasets").GetAsync(Job, CancellationToken.None);
        Assert.Equal((JobPhase.Encoding, 5, 5), (view!.Phase, view.FramesSampled, view.FramesTotal));
    }

    [Fact]
    public async Task FramesAreStoredAFewAtOnce_AndPublishedInOrder_EachAfterItsFrameIsStored()
    {
        var clip = SyntheticClip.Write(_root, seconds: 12);
        var job = await SubmittedAsync(intervalSeconds: 1);
        var store = new FrameGateStore(_store, holdUntilInFlight: FrameHandoff.Capacity);
        var publishedBeforeStored = new List<int>();
        _bus.OnFrame = async frame =>
        {
            if (await _store.GetAsync(frame.FrameKey) is null)
            {
                publishedBeforeStored.Add(frame.FrameIndex);
            }
        };

        await new FootageSampling(store, _bus).RunAsync(clip, job, CancellationToken.None);

        Assert.Equal(FrameHandoff.Capacity, store.MostInFlight);
        Assert.Equal(Enumerable.Range(0, 12), _bus.Frames.Select(f => f.FrameIndex));
        Assert.Empty(publishedBeforeStored);
        Assert.Equal(12, Assert.Single(_bus.Sampled).FrameCount);
    }

    [Fact]
    public async Task AFrameThatCannotBeStored_FailsTheSampling_WithNothingPublishedAfterIt_AndNoStoreLeftRunning()
    {
        var clip = SyntheticClip.Write(_root, seconds: 12);
        var job = await SubmittedAsync(intervalSeconds: 1);
        var store = new FrameGateStore(_store, holdUntilInFlight: 1, failingFrame: 5);

        await Assert.ThrowsAsync<IOException>(() => new FootageSampling(store, _bus).RunAsync(clip, job, CancellationToken.None));

        Assert.Equal(0, store.InFlight);
        Assert.Equal(Enumerable.Range(0, 5), _bus.Frames.Select(f => f.FrameIndex));
        Assert.Empty(_bus.Sampled);
    }

    private Task<ExtractorState> SubmittedAsync(double intervalSeconds) => StoredJob.WriteAsync(_store, Job, intervalSeconds: intervalSeconds);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// A store that holds the first frames' PUTs until <c>holdUntilInFlight</c> of them are under way at once (or for
    /// 10 s, with a sampler that stores one at a time), counting how many ever were; one frame may fail.
    /// </summary>
    private sealed class FrameGateStore(IObjectStore inner, int holdUntilInFlight, int failingFrame = -1) : IObjectStore
    {
        private readonly TaskCompletionSource _enoughInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _mostInFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default)
        {
            if (!key.StartsWith("frames/", StringComparison.Ordinal))
            {
                await inner.PutAsync(key, content, length, contentType, cancellationToken);
                return;
            }

            var now = Interlocked.Increment(ref _inFlight);
            try
            {
                InterlockedMax(ref _mostInFlight, now);
                if (now >= holdUntilInFlight)
                {
                    _enoughInFlight.TrySetResult();
                }

                await Task.WhenAny(_enoughInFlight.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
                _enoughInFlight.TrySetResult();
                if (key == ObjectKeys.Frame(Job, failingFrame))
                {
                    throw new IOException("the object store refused the frame");
                }

                await Task.Delay(20, cancellationToken);
                await inner.PutAsync(key, content, length, contentType, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default) => inner.DownloadAsync(key, destination, cancellationToken);

        public Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default) =>
            inner.CopyToAsync(key, destination, destinationKey, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}
