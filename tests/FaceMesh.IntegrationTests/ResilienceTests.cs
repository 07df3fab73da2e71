using FaceMesh.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Export;
using Grpc.Net.Client;

namespace FaceMesh.IntegrationTests;

[Collection(DistributedCollection.Name)]
public sealed class ResilienceTests(DistributedSystem system, Footage footage) : IClassFixture<Footage>
{
    [Fact]
    public async Task RabbitMqStoppedForSeconds_ServicesReconnect_AndTheJobFinishes()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "broker-outage");
        var stopped = false;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (!stopped && job.FramesEncoded >= 3)
            {
                stopped = true;
                DistributedSystem.Rabbitmqctl("stop_app");
                await Task.Delay(TimeSpan.FromSeconds(4));
                DistributedSystem.Rabbitmqctl("start_app");
            }
        });

        Assert.True(stopped);
        Assert.Equal(JobState.Done, events[^1].State);
        await JobDriver.AssertMatchesAsync(system, jobId, footage.Embedded);
    }

    [Fact]
    public async Task FrameExtractorRestartedWhileSampling_ResumesFromTheStoredFootage()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "extractor-restarted");
        var restarted = false;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (!restarted)
            {
                restarted = true;
                await system.RestartExtractorAsync();
            }
        });

        Assert.True(restarted);
        Assert.Equal(JobState.Sampling, events[0].State);
        Assert.True(system.Extractor.Output.Contains($"Resuming sampling of job {jobId}", StringComparison.Ordinal),
            $"the new FrameExtractor did not resume the job: it had left Sampling before the restart\n{system.Logs()}");
        Assert.Equal(JobState.Done, events[^1].State);
        await JobDriver.AssertMatchesAsync(system, jobId, footage.Embedded);
    }

    [Fact]
    public async Task EncoderStoppedGracefullyMidJob_ExitsCleanly_AndTheJobFinishes()
    {
        var encoder = await system.AddEncoderAsync();
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "encoder-terminated");
        var terminated = false;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (!terminated && job.FramesEncoded >= 3)
            {
                terminated = true;
                await encoder.TerminateAsync(TimeSpan.FromSeconds(60));
            }
        });

        Assert.True(terminated, "the job ended before the encoder could be stopped");
        Assert.Equal(JobState.Done, events[^1].State);
        Assert.Equal(0, encoder.ExitCode);

        await JobDriver.AssertMatchesAsync(system, jobId, footage.Embedded);
    }

    [Fact]
    public async Task CancelWhileSampling_EndsCancelled_StopsSampling_AndPublishesNoDataset()
    {
        // Every frame of the 10 fps clip (about 340) keeps the FrameExtractor sampling for seconds after its first
        // progress report (at 10 frames), so the cancel lands in the middle, not in the last check's shadow.
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "cancel-me", intervalSeconds: 0.1);
        var cancelled = (Job?)null;
        var events = await JobDriver.WatchAsync(system, jobId, async job =>
        {
            if (cancelled is null && job is { State: JobState.Sampling, FramesSampled: > 0 })
            {
                cancelled = await system.Client.CancelJobAsync(new CancelJobRequest { JobId = jobId }, system.Auth);
            }
        });
        Assert.Equal(JobState.Cancelled, cancelled?.State);
        Assert.Equal(JobState.Cancelled, events[^1].State);

        // Follow the job to its end: sampling stops (its own state says so), and the job stays Cancelled meanwhile.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ExtractorState? sampling;
        do
        {
            var job = await system.Client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.Auth);
            Assert.Equal(JobState.Cancelled, job.State);
            sampling = await JobJson.ReadAsync<ExtractorState>(system.Work, ObjectKeys.ExtractorState(jobId));
            await Task.Delay(300);
        }
        while (sampling?.State == JobStates.Sampling && DateTime.UtcNow < deadline);

        Assert.Equal(JobStates.Cancelled, sampling?.State);
        Assert.Equal(0, sampling!.FramesTotal);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(JobState.Cancelled, (await system.Client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.Auth)).State);
        Assert.Null(await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.Manifest}"));
        var again = await Assert.ThrowsAsync<RpcException>(() => system.Client.CancelJobAsync(new CancelJobRequest { JobId = jobId }, system.Auth).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Health_IsServedOverGrpcAndHttp_WithoutAToken()
    {
        using var http = new HttpClient();
        foreach (var service in new[] { system.Extractor, system.Clusterer, system.Exporter }.Concat(system.Encoders).Where(s => s.IsRunning))
        {
            Assert.True((await http.GetAsync($"http://127.0.0.1:{service.HttpPort}/health/live")).IsSuccessStatusCode, service.Name);
            Assert.True((await http.GetAsync($"http://127.0.0.1:{service.HttpPort}/health/ready")).IsSuccessStatusCode, service.Name);
        }

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{system.ClustererGrpcPort}");
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
