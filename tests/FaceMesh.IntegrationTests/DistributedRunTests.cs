using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Export;
using Xunit.Abstractions;

namespace FaceMesh.IntegrationTests;

[Collection(DistributedCollection.Name)]
public sealed class DistributedRunTests(DistributedSystem system, Footage footage, ITestOutputHelper output) : IClassFixture<Footage>
{
    [Fact]
    public async Task SubmittedVideo_YieldsTheSameDatasetAsFacemeshRun_WithMonotonicProgress()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "same-as-embedded");
        var events = await JobDriver.WatchAsync(system, jobId);

        Assert.Equal(JobState.Done, events[^1].State);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].State >= events[i - 1].State, $"state went back: {events[i - 1].State} -> {events[i].State}");
            Assert.True(events[i].FramesSampled >= events[i - 1].FramesSampled && events[i].FramesEncoded >= events[i - 1].FramesEncoded, "progress went back");
        }

        var dataset = await JobDriver.ReadDatasetAsync(system, jobId);
        JobDriver.AssertSameDataset(footage.Embedded, dataset);
        for (var i = 0; i < dataset.Faces.Count; i++)
        {
            Assert.NotNull(await system.Datasets.GetAsync($"{jobId}/{dataset.CropPath(i)}"));
        }

        foreach (var frame in dataset.Frames)
        {
            Assert.NotNull(await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.Images}/{frame.FileName}"));
            Assert.NotNull(await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.Labels}/{Path.ChangeExtension(frame.FileName, ".txt")}"));
        }

        Assert.NotNull(await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.DataYaml}"));
        output.WriteLine($"{dataset.Frames.Count} frames, {dataset.Faces.Count} faces, {dataset.PeopleCount} people; {events.Count} progress events");
    }

    [Fact]
    public async Task EncoderKilledMidJob_JobStillFinishes_WithEveryFaceExactlyOnce()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "encoder-killed");
        var killed = false;
        var events = await JobDriver.WatchAsync(system, jobId, job =>
        {
            if (!killed && job.FramesEncoded >= 3)
            {
                system.Encoders[0].Kill();
                killed = true;
            }

            return Task.CompletedTask;
        });

        Assert.True(killed, "the encoder was never killed: the job ended too soon");
        Assert.Equal(JobState.Done, events[^1].State);
        await JobDriver.AssertMatchesAsync(system, jobId, footage.Embedded);
    }

    [Fact]
    public async Task ClustererDownLongerThanTheRetries_FramesEndInTheErrorQueue_AndTheJobFinishesNamingThem()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "clusterer-down");
        var stopped = false;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (!stopped && job.FramesEncoded >= 3)
            {
                stopped = true;
                await system.RestartClustererAsync(downFor: TimeSpan.FromSeconds(12));
            }
        }, TimeSpan.FromMinutes(2));

        Assert.True(stopped);
        var done = events[^1];
        Assert.Equal(JobState.Done, done.State);
        Assert.NotEmpty(done.FailedFrames);
        Assert.Equal(done.FramesFailed, done.FailedFrames.Count);
        Assert.Equal(done.FramesTotal, done.FramesEncoded + done.FramesFailed);
        Assert.True(system.QueueLength("encode-frame_error") >= done.FailedFrames.Count, "the failed frames are not in the error queue");
    }

    [Fact]
    public async Task ClustererRestartedMidJob_NothingIsLostOrDuplicated()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "clusterer-restarted");
        var restarted = false;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (!restarted && job.FramesEncoded >= 5)
            {
                restarted = true;
                await system.RestartClustererAsync();
            }
        });

        Assert.True(restarted);
        Assert.Equal(JobState.Done, events[^1].State);
        await JobDriver.AssertMatchesAsync(system, jobId, footage.Embedded);
    }
}
