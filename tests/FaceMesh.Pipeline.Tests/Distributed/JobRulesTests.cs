using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The rules the public API applies before it changes a job, held by the stage classes (the host only maps them).</summary>
public sealed class JobRulesTests : IDisposable
{
    private readonly TestBuckets _buckets = new();
    private readonly RecordingBus _bus = new();

    [Fact]
    public async Task ANameInUse_IsRefused_AsAlreadyExisting()
    {
        await StoredJob.WriteAsync(_buckets.Work, "taken");

        var error = await Assert.ThrowsAsync<JobRequestException>(() => new JobSubmission(_buckets.Work).EnsureNewAsync("taken", CancellationToken.None));

        Assert.Equal(JobRefusal.AlreadyExists, error.Refusal);
        await new JobSubmission(_buckets.Work).EnsureNewAsync("free", CancellationToken.None);
    }

    [Fact]
    public async Task CancellingAFinishedJob_IsRefused_AndWritesNoCancel()
    {
        await RecordedJob.WriteFinishedAsync(_buckets.Work, _buckets.Datasets, _bus, "done", DateTimeOffset.UtcNow);
        var view = (await Catalog().GetAsync("done", CancellationToken.None))!;

        var error = await Assert.ThrowsAsync<JobRequestException>(() => new JobCancellation(_buckets.Work).RequestAsync(view, CancellationToken.None));

        Assert.Equal(JobRefusal.WrongState, error.Refusal);
        Assert.False(await new JobCancellation(_buckets.Work).IsRequestedAsync("done", CancellationToken.None));
    }

    [Fact]
    public async Task DeletingARunningJob_IsRefused_AndDeletesNothing()
    {
        await StoredJob.WriteAsync(_buckets.Work, "running", state: JobStates.Encoding);
        var view = (await Catalog().GetAsync("running", CancellationToken.None))!;

        var error = await Assert.ThrowsAsync<JobRequestException>(() => new JobDeletion(_buckets.Work, _buckets.Datasets).DeleteFinishedAsync(view, includeDataset: true, CancellationToken.None));

        Assert.Equal(JobRefusal.WrongState, error.Refusal);
        Assert.NotNull(await Catalog().GetAsync("running", CancellationToken.None));
    }

    public void Dispose() => _buckets.Dispose();

    private JobCatalog Catalog() => new(_buckets.Work, "datasets");
}
