using System.Collections.Concurrent;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Removes a job's objects, every key derived from the job's own documents (nothing lists a bucket). The job's state
/// goes last, so an interrupted deletion leaves a job that can be listed and deleted again.
/// </summary>
public sealed class JobDeletion(IObjectStore work, IObjectStore datasets)
{
    private const int Transfers = 8;

    /// <summary>Footage, frames, portraits and per-frame records: what a finished job needs no more. Returns the count of keys removed.</summary>
    public async Task<int> DeleteWorkingObjectsAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await JobJson.ReadAsync<ExtractorState>(work, ObjectKeys.ExtractorState(jobId), cancellationToken);
        if (job is null)
        {
            return 0;
        }

        var frames = await FrameIndexesAsync(job, cancellationToken);
        var keys = new ConcurrentBag<string> { ObjectKeys.Footage(jobId, job.SourceFile), ObjectKeys.Clusters(jobId) };
        await Parallel.ForEachAsync(frames, new ParallelOptions { MaxDegreeOfParallelism = Transfers, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var record = await JobJson.ReadAsync<FrameFacesDocument>(work, ObjectKeys.FrameFaces(jobId, index), token);
            foreach (var face in record?.Faces ?? [])
            {
                keys.Add(ObjectKeys.Portrait(jobId, face.Id));
            }

            keys.Add(ObjectKeys.Frame(jobId, index));
        });

        // Per-frame records last: they are how the portraits above were found, should this pass be repeated.
        await DeleteAllAsync(work, keys, cancellationToken);
        await DeleteAllAsync(work, frames.Select(i => ObjectKeys.FrameFaces(jobId, i)).ToList(), cancellationToken);
        return keys.Count + frames.Count;
    }

    /// <summary>
    /// What a user's delete does: refuses a job still running (cancel it first), and the dataset of a collection other
    /// jobs still share; else <see cref="DeleteAsync"/>.
    /// </summary>
    public async Task<int> DeleteFinishedAsync(JobView job, bool includeDataset, CancellationToken cancellationToken)
    {
        if (!job.IsFinished)
        {
            throw new JobRequestException($"job '{job.JobId}' is still running ({job.Phase}): cancel it first", JobRefusal.WrongState);
        }

        if (includeDataset && job.Submitted.Dataset is { } collection
            && (await new CollectionMembership(work).GetAsync(collection, cancellationToken))?.Jobs.Count(j => j != job.JobId) is > 0 and var others)
        {
            throw new JobRequestException(
                $"dataset '{collection}' is shared with {others} other job{(others == 1 ? "" : "s")}: delete job '{job.JobId}' without its dataset, and '{collection}' is rebuilt without it",
                JobRefusal.WrongState);
        }

        return await DeleteAsync(job.JobId, includeDataset, cancellationToken);
    }

    /// <summary>
    /// Everything of the job, its dataset too when <paramref name="includeDataset"/>; then it is gone from the job list.
    /// A collection's member leaves it last; with its dataset, the collection's published dataset and documents go too.
    /// </summary>
    public async Task<int> DeleteAsync(string jobId, bool includeDataset, CancellationToken cancellationToken)
    {
        var count = 0;
        var collection = (await JobJson.ReadAsync<ExtractorState>(work, ObjectKeys.ExtractorState(jobId), cancellationToken))?.Dataset;
        if (includeDataset)
        {
            count += await DeleteDatasetAsync(ObjectKeys.DatasetPrefix(jobId, collection), cancellationToken);
        }

        count += await DeleteWorkingObjectsAsync(jobId, cancellationToken);
        string[] state = [ObjectKeys.ClustererState(jobId), ObjectKeys.ExporterState(jobId), ObjectKeys.Cancel(jobId), ObjectKeys.Retention(jobId)];
        await DeleteAllAsync(work, state, cancellationToken);
        await work.DeleteAsync(ObjectKeys.ExtractorState(jobId), cancellationToken);
        await new JobCatalog(work, string.Empty).RemoveFromIndexAsync(jobId, cancellationToken);
        count += state.Length + 1;
        if (collection is not null)
        {
            var left = await new CollectionMembership(work).LeaveAsync(collection, jobId, cancellationToken);
            if (includeDataset && left.Count == 0)
            {
                string[] documents = [ObjectKeys.CollectionClusters(collection), ObjectKeys.Collection(collection)];
                await DeleteAllAsync(work, documents, cancellationToken);
                count += documents.Length;
            }
        }

        return count;
    }

    private async Task<int> DeleteDatasetAsync(string prefix, CancellationToken cancellationToken)
    {
        var manifestKey = $"{prefix}{DatasetPaths.Manifest}";
        var path = Path.GetTempFileName();
        try
        {
            if (!await datasets.DownloadToFileAsync(manifestKey, path, cancellationToken))
            {
                return 0;
            }

            var files = DatasetFiles.Of(ManifestJson.Read(path)).Append(DatasetPaths.Edits).Select(f => prefix + f).ToList();
            // The manifest first: a dataset without it is known to be incomplete, never mistaken for a finished one.
            await datasets.DeleteAsync(manifestKey, cancellationToken);
            await DeleteAllAsync(datasets, files, cancellationToken);
            return files.Count + 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Frames are numbered from 0 in sampling order. Those the documents account for, then any beyond them that exist:
    /// sampling that failed or was stopped may have stored a few frames past its last progress write, with gaps between
    /// them shorter than <see cref="FrameHandoff.Capacity"/> frames (frames are stored a few at once).
    /// </summary>
    private async Task<List<int>> FrameIndexesAsync(ExtractorState job, CancellationToken cancellationToken)
    {
        var clusterer = await JobJson.ReadAsync<ClustererState>(work, ObjectKeys.ClustererState(job.JobId), cancellationToken);
        var known = new SortedSet<int>(Enumerable.Range(0, Math.Max(job.FramesSampled, job.FramesTotal)));
        known.UnionWith(clusterer?.FramesDone ?? []);
        known.UnionWith(clusterer?.FramesFailed ?? []);
        var next = known.Count == 0 ? 0 : known.Max + 1;
        for (var missing = 0; missing < FrameHandoff.Capacity; next++)
        {
            var stored = await work.GetAsync(ObjectKeys.Frame(job.JobId, next), cancellationToken) is not null;
            missing = stored ? 0 : missing + 1;
            if (stored)
            {
                known.Add(next);
            }
        }

        return [.. known];
    }

    private static Task DeleteAllAsync(IObjectStore store, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = Transfers, CancellationToken = cancellationToken },
            async (key, token) => await store.DeleteAsync(key, token));
}
