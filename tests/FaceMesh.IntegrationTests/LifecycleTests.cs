using System.Net;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Export;
using Grpc.Core;

namespace FaceMesh.IntegrationTests;

/// <summary>Ownership and deletion of jobs, end to end over RabbitMQ and the S3 test server.</summary>
[Collection(DistributedCollection.Name)]
public sealed class LifecycleTests(DistributedSystem system, Footage footage) : IClassFixture<Footage>
{
    [Fact]
    public async Task AnotherTenant_CannotSeeWatchCancelReviewOrDeleteAJob_AnAdminCan()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "owned-by-a");
        var client = system.Client;

        await AssertNotFound(() => client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.OtherTenant).ResponseAsync);
        await AssertNotFound(() => client.CancelJobAsync(new CancelJobRequest { JobId = jobId }, system.OtherTenant).ResponseAsync);
        await AssertNotFound(() => client.DeleteJobAsync(new DeleteJobRequest { JobId = jobId }, system.OtherTenant).ResponseAsync);
        await AssertNotFound(async () =>
        {
            using var watch = client.WatchJob(new WatchJobRequest { JobId = jobId }, system.OtherTenant);
            await watch.ResponseStream.MoveNext();
        });
        Assert.DoesNotContain((await client.ListJobsAsync(new ListJobsRequest(), system.OtherTenant)).Jobs, j => j.JobId == jobId);
        Assert.Contains((await client.ListJobsAsync(new ListJobsRequest(), system.Admin)).Jobs, j => j.JobId == jobId);

        Assert.Equal(JobState.Done, (await JobDriver.WatchAsync(system, jobId))[^1].State);
        Assert.Equal(JobState.Done, (await client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.Admin)).State);
        using var other = new HttpClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", DistributedSystem.OtherTenantToken);
        using var owner = new HttpClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", DistributedSystem.Token);
        var review = $"http://127.0.0.1:{system.Exporter.HttpPort}/review/{jobId}/api/state";
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(review)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(review)).StatusCode);
    }

    [Fact]
    public async Task DeleteJob_RefusesARunningJob_ThenRemovesTheJob_AndWithDatasetItsDataset()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "deleted");
        var running = await Assert.ThrowsAsync<RpcException>(() => system.Client.DeleteJobAsync(new DeleteJobRequest { JobId = jobId }, system.Auth).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, running.StatusCode);
        Assert.Equal(JobState.Done, (await JobDriver.WatchAsync(system, jobId))[^1].State);
        var dataset = await JobDriver.ReadDatasetAsync(system, jobId);

        var deleted = await CliProcess.RunAsync("delete", jobId, "--dataset", "--server", system.ExtractorUrl, "--token", DistributedSystem.Token);

        Assert.True(deleted.ExitCode == 0, deleted.Output);
        await AssertNotFound(() => system.Client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.Auth).ResponseAsync);
        Assert.DoesNotContain((await system.Client.ListJobsAsync(new ListJobsRequest(), system.Admin)).Jobs, j => j.JobId == jobId);
        string[] workKeys = [ObjectKeys.ExtractorState(jobId), ObjectKeys.ClustererState(jobId), ObjectKeys.Frame(jobId, 0), ObjectKeys.FrameFaces(jobId, 0),
            ObjectKeys.Footage(jobId, Path.GetFileName(footage.Clip.Path)), ObjectKeys.Portrait(jobId, dataset.Faces[0].Id)];
        foreach (var key in workKeys)
        {
            Assert.Null(await system.Work.GetAsync(key));
        }

        foreach (var file in DatasetFiles.Of(dataset).Append(DatasetPaths.Manifest))
        {
            Assert.Null(await system.Datasets.GetAsync($"{jobId}/{file}"));
        }
    }

    [Fact]
    public async Task Retention_RemovesAFinishedJobsWorkingObjects_KeepingItsStateAndDataset()
    {
        var jobId = await JobDriver.SubmitAsync(system, footage.Clip.Path, "retained");
        Assert.Equal(JobState.Done, (await JobDriver.WatchAsync(system, jobId))[^1].State);
        Assert.NotNull(await system.Work.GetAsync(ObjectKeys.Frame(jobId, 0)));

        // A FrameExtractor whose retention is about a second sweeps when it starts (then hourly): every finished job of this
        // system, in index order, so this job's turn can take a while on a busy machine. The job must be due by then: a
        // sweeper that starts within the second after the job finished would rightly keep it, and not look again.
        const string RetentionDays = "0.0000116";
        var retention = TimeSpan.FromDays(double.Parse(RetentionDays, System.Globalization.CultureInfo.InvariantCulture));
        var finished = (await JobJson.ReadAsync<ExporterState>(system.Work, ObjectKeys.ExporterState(jobId)))!.FinishedAt!.Value;
        var due = finished + retention - DateTimeOffset.UtcNow;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due + TimeSpan.FromMilliseconds(100));
        }

        using var sweeper = system.Stray("FaceMesh.FrameExtractor", new Dictionary<string, string> { ["Extractor__RetentionDays"] = RetentionDays });
        sweeper.Start();
        await sweeper.WaitReadyAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await system.Work.GetAsync(ObjectKeys.Retention(jobId)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.NotNull(await system.Work.GetAsync(ObjectKeys.Retention(jobId)));
        Assert.Null(await system.Work.GetAsync(ObjectKeys.Frame(jobId, 0)));
        Assert.Null(await system.Work.GetAsync(ObjectKeys.FrameFaces(jobId, 0)));
        Assert.Null(await system.Work.GetAsync(ObjectKeys.Footage(jobId, Path.GetFileName(footage.Clip.Path))));
        Assert.Equal(JobState.Done, (await system.Client.GetJobAsync(new GetJobRequest { JobId = jobId }, system.Auth)).State);
        Assert.NotNull(await system.Datasets.GetAsync($"{jobId}/{DatasetPaths.Manifest}"));
    }

    private static async Task AssertNotFound(Func<Task> call) =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
