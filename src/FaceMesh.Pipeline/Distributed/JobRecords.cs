using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// A clustered job's records as the Clusterer left them: its footage's description, its done frames in order (with
/// their faces) and its clusters, tracks and shots. What a dataset is published from, alone or in a collection.
/// </summary>
public sealed record JobRecords(string JobId, SourceDocument Source, FrameFacesDocument[] Frames, ClustersDocument Clusters)
{
    private const int RecordReads = 8;

    public static async Task<JobRecords> ReadAsync(IObjectStore work, string jobId, CancellationToken cancellationToken)
    {
        var state = await JobJson.ReadAsync<ClustererState>(work, ObjectKeys.ClustererState(jobId), cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} has no clustering state");
        var clusters = await JobJson.ReadAsync<ClustersDocument>(work, ObjectKeys.Clusters(jobId), cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} has no clusters");
        var source = state.Source ?? throw new InvalidOperationException($"job {jobId} was never sampled");
        return new JobRecords(jobId, source, await ReadFramesAsync(work, jobId, state.FramesDone, cancellationToken), clusters);
    }

    /// <summary>The per-frame records of <paramref name="done"/>, several at a time (a long job has tens of thousands), in frame order.</summary>
    public static async Task<FrameFacesDocument[]> ReadFramesAsync(IObjectStore work, string jobId, IEnumerable<int> done, CancellationToken cancellationToken)
    {
        var indexes = done.Order().ToArray();
        var frames = new FrameFacesDocument[indexes.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, indexes.Length), new ParallelOptions { MaxDegreeOfParallelism = RecordReads, CancellationToken = cancellationToken }, async (i, token) =>
            frames[i] = await JobJson.ReadAsync<FrameFacesDocument>(work, ObjectKeys.FrameFaces(jobId, indexes[i]), token)
                ?? throw new InvalidOperationException($"job {jobId}: frame {indexes[i]} is recorded but its faces are missing"));
        return frames;
    }
}
