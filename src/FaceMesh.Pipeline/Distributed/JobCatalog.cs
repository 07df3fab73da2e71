using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>Reads a job's state as the stages wrote it and merges it into its public <see cref="JobView"/>; keeps the job index.</summary>
public sealed class JobCatalog(IObjectStore store, string datasetsBucket)
{
    // The index is read, changed and written back: one change at a time in this process (the FrameExtractor's).
    private static readonly SemaphoreSlim IndexLock = new(1, 1);

    /// <summary>The job as <paramref name="caller"/> may see it: null when there is no such job or it is another owner's.</summary>
    public async Task<JobView?> GetAsync(string jobId, Caller caller, CancellationToken cancellationToken)
    {
        var extractor = await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(jobId), cancellationToken);
        return extractor is not null && caller.Owns(extractor) ? await ViewAsync(extractor, cancellationToken) : null;
    }

    /// <summary>The job whoever asks (the services' own view).</summary>
    public Task<JobView?> GetAsync(string jobId, CancellationToken cancellationToken) => GetAsync(jobId, Caller.Service, cancellationToken);

    private async Task<JobView> ViewAsync(ExtractorState extractor, CancellationToken cancellationToken)
    {
        var jobId = extractor.JobId;
        var clusterer = await JobJson.ReadAsync<ClustererState>(store, ObjectKeys.ClustererState(jobId), cancellationToken);
        var exporter = await JobJson.ReadAsync<ExporterState>(store, ObjectKeys.ExporterState(jobId), cancellationToken);
        var cancelled = await new JobCancellation(store).IsRequestedAsync(jobId, cancellationToken);

        // A cancel that came after the dataset was complete came too late: the job is Done.
        var (phase, reason) = (extractor, clusterer, exporter) switch
        {
            (_, _, { State: JobStates.Done }) => (JobPhase.Done, string.Empty),
            _ when cancelled => (JobPhase.Cancelled, "cancelled"),
            ({ State: JobStates.Failed }, _, _) => (JobPhase.Failed, extractor.Reason ?? "sampling failed"),
            (_, _, { State: JobStates.Failed }) => (JobPhase.Failed, exporter.Reason ?? "export failed"),
            (_, _, { State: JobStates.Exporting }) => (JobPhase.Exporting, string.Empty),
            (_, { State: JobStates.Clustering }, _) => (JobPhase.Clustering, string.Empty),
            ({ State: JobStates.Encoding }, _, _) => (JobPhase.Encoding, string.Empty),
            _ => (JobPhase.Sampling, string.Empty),
        };
        return new JobView(jobId, phase, reason, extractor.FramesSampled, extractor.FramesTotal, clusterer?.FramesDone.Count ?? 0,
            [.. clusterer?.FramesFailed.Order() ?? Enumerable.Empty<int>()], clusterer?.Faces ?? 0, clusterer?.People ?? 0,
            datasetsBucket, ObjectKeys.DatasetPrefix(jobId, extractor.Dataset), extractor);
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        await JobJson.ReadAsync<List<string>>(store, ObjectKeys.JobIndex, cancellationToken) ?? [];

    public Task AddToIndexAsync(string jobId, CancellationToken cancellationToken) =>
        ChangeIndexAsync(jobs => jobs.Contains(jobId) ? null : [.. jobs, jobId], cancellationToken);

    public Task RemoveFromIndexAsync(string jobId, CancellationToken cancellationToken) =>
        ChangeIndexAsync(jobs => jobs.Contains(jobId) ? jobs.Where(j => j != jobId).ToList() : null, cancellationToken);

    private async Task ChangeIndexAsync(Func<List<string>, List<string>?> change, CancellationToken cancellationToken)
    {
        await IndexLock.WaitAsync(cancellationToken);
        try
        {
            var jobs = await JobJson.ReadAsync<List<string>>(store, ObjectKeys.JobIndex, cancellationToken) ?? [];
            if (change(jobs) is { } changed)
            {
                await JobJson.WriteAsync(store, ObjectKeys.JobIndex, changed, cancellationToken);
            }
        }
        finally
        {
            IndexLock.Release();
        }
    }
}
