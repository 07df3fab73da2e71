using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// After a FrameExtractor restart: a job left in Sampling gets its stored footage back into the scratch folder, to be
/// sampled again from the start (downstream stages are idempotent). Footage lost from the store fails the job.
/// </summary>
public sealed class SamplingResume(IObjectStore store, string scratchFolder)
{
    /// <summary>The local footage path to sample, or null when the job needs no sampling (or has failed for good).</summary>
    public async Task<string?> PrepareAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(jobId), cancellationToken);
        if (job is not { State: JobStates.Sampling } || await new JobCancellation(store).IsRequestedAsync(jobId, cancellationToken))
        {
            return null;
        }

        var path = Path.Combine(Directory.CreateDirectory(scratchFolder).FullName, $"{jobId}-{ObjectKeys.SafeFileName(job.SourceFile)}");
        if (!await store.DownloadToFileAsync(ObjectKeys.Footage(jobId, job.SourceFile), path, cancellationToken))
        {
            await JobJson.WriteAsync(store, ObjectKeys.ExtractorState(jobId), job with { State = JobStates.Failed, Reason = "footage lost before sampling" }, cancellationToken);
            return null;
        }

        return path;
    }
}
