using FaceMesh.Pipeline.Distributed;
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

    private Task<ExtractorState> SubmittedAsync(double intervalSeconds) => StoredJob.WriteAsync(_store, Job, intervalSeconds: intervalSeconds);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
