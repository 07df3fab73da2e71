using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Retention of finished jobs' working objects (footage, frames, portraits, per-frame records): removed once a job has
/// been finished for <paramref name="keep"/>. The job's state and its dataset stay; a job is swept once. A collection's
/// jobs are kept whole: the collection is clustered and published again from them whenever a video joins or leaves.
/// </summary>
public sealed class JobRetention(IObjectStore work, IObjectStore datasets, TimeSpan keep)
{
    /// <summary>
    /// Sweeps every job due at <paramref name="now"/>; returns the ids swept. A job that cannot be swept (its store
    /// answers with errors) is reported to <paramref name="failed"/> and left for the next sweep; the others go on.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken, Action<string, Exception>? failed = null)
    {
        var swept = new List<string>();
        if (keep <= TimeSpan.Zero)
        {
            return swept;
        }

        var catalog = new JobCatalog(work, string.Empty);
        foreach (var jobId in await catalog.ListAsync(cancellationToken))
        {
            try
            {
                if (await FinishedAtAsync(jobId, catalog, cancellationToken) is { } finished && finished + keep <= now
                    && await JobJson.ReadAsync<RetentionRecord>(work, ObjectKeys.Retention(jobId), cancellationToken) is null)
                {
                    await new JobDeletion(work, datasets).DeleteWorkingObjectsAsync(jobId, cancellationToken);
                    await JobJson.WriteAsync(work, ObjectKeys.Retention(jobId), new RetentionRecord(jobId, now), cancellationToken);
                    swept.Add(jobId);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && failed is not null)
            {
                failed(jobId, e);
            }
        }

        return swept;
    }

    /// <summary>When a finished job finished, as near as its documents tell: null while it runs, and for a collection's job.</summary>
    private async Task<DateTimeOffset?> FinishedAtAsync(string jobId, JobCatalog catalog, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(jobId, cancellationToken) is not { IsFinished: true, Submitted.Dataset: null })
        {
            return null;
        }

        var exporter = await JobJson.ReadAsync<ExporterState>(work, ObjectKeys.ExporterState(jobId), cancellationToken);
        var cancel = await JobJson.ReadAsync<CancelRequest>(work, ObjectKeys.Cancel(jobId), cancellationToken);
        var extractor = await JobJson.ReadAsync<ExtractorState>(work, ObjectKeys.ExtractorState(jobId), cancellationToken);
        return exporter?.FinishedAt ?? cancel?.RequestedAt ?? extractor?.SubmittedAt;
    }
}
