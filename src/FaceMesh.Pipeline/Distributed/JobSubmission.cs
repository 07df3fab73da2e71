using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Records an accepted upload: the footage, then the job in the index, then the job's state. In that order a stop at
/// any point leaves either no job (the name stays free; the index entry without state is skipped) or a listed job
/// that a restarted FrameExtractor resumes; never a job in Sampling that nothing will find again. Any stage document
/// an earlier job of the same name left behind (a stage that wrote after its deletion) is removed first, so the new
/// job never inherits another's progress or end.
/// </summary>
public sealed class JobSubmission(IObjectStore store)
{
    /// <summary>Refuses a job name in use, before anything of the upload is received.</summary>
    public async Task EnsureNewAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await JobJson.ReadAsync<ExtractorState>(store, ObjectKeys.ExtractorState(jobId), cancellationToken) is not null)
        {
            throw new JobRequestException($"job '{jobId}' already exists", JobRefusal.AlreadyExists);
        }
    }

    public async Task RecordAsync(ExtractorState job, string footagePath, CancellationToken cancellationToken)
    {
        await using (var footage = File.OpenRead(footagePath))
        {
            await store.PutAsync(ObjectKeys.Footage(job.JobId, job.SourceFile), footage, footage.Length, "application/octet-stream", cancellationToken);
        }

        foreach (var leftover in new[] { ObjectKeys.ClustererState(job.JobId), ObjectKeys.ExporterState(job.JobId), ObjectKeys.Cancel(job.JobId), ObjectKeys.Retention(job.JobId) })
        {
            await store.DeleteAsync(leftover, cancellationToken);
        }

        await new JobCatalog(store, string.Empty).AddToIndexAsync(job.JobId, cancellationToken);
        await JobJson.WriteAsync(store, ObjectKeys.ExtractorState(job.JobId), job, cancellationToken);
    }
}
