using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// A user's cancel request, kept in its own document (<see cref="ObjectKeys.Cancel"/>) that only the public API writes
/// and every stage reads: sampling stops, the Clusterer does not cluster, the Exporter does not export.
/// </summary>
public sealed class JobCancellation(IObjectStore store)
{
    /// <summary>Cancels <paramref name="job"/> as the user last saw it; a finished job cannot be cancelled.</summary>
    public Task RequestAsync(JobView job, CancellationToken cancellationToken) => job.IsFinished
        ? throw new JobRequestException($"job '{job.JobId}' has already finished ({job.Phase})", JobRefusal.WrongState)
        : RequestAsync(job.JobId, cancellationToken);

    public Task RequestAsync(string jobId, CancellationToken cancellationToken) =>
        JobJson.WriteAsync(store, ObjectKeys.Cancel(jobId), new CancelRequest(jobId, DateTimeOffset.UtcNow), cancellationToken);

    /// <summary>Cancelled, or deleted: frames still in flight for such a job are dropped, not encoded or recorded.</summary>
    public async Task<bool> IsStoppedAsync(string jobId, CancellationToken cancellationToken) => await RunningAsync(jobId, cancellationToken) is null;

    /// <summary>The job as submitted, unless it is cancelled or deleted (null).</summary>
    public async Task<ExtractorState?> RunningAsync(string jobId, CancellationToken cancellationToken) =>
        await IsRequestedAsync(jobId, cancellationToken)
            ? null
            : await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(jobId), cancellationToken);

    public async Task<bool> IsRequestedAsync(string jobId, CancellationToken cancellationToken) =>
        await JobJson.ReadAsync<CancelRequest>(store, ObjectKeys.Cancel(jobId), cancellationToken) is not null;
}
