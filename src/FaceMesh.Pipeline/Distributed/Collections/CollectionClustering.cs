using System.Collections.Concurrent;
using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed.Collections;

/// <summary>
/// The Clusterer's side of a collection: once none of its jobs is still sampling or encoding, clusters the faces of
/// every clustered job together (each job's tracks kept) and tells the Exporter. Jobs cancelled, failed or deleted are
/// left out. Asked again with nothing new (two jobs finishing at once), it does nothing.
/// </summary>
public sealed class CollectionClustering(IObjectStore work, IJobBus bus)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    // The members each collection was last clustered with in this process, each as its job id and submission time: a
    // job's records never change once clustered, but a job deleted and submitted again under its name is another job.
    private readonly ConcurrentDictionary<string, string[]> _clustered = new(StringComparer.Ordinal);

    private enum Standing
    {
        LeftOut,
        Waiting,
        Ready,
    }

    /// <summary>Clusters the collection if every member is done encoding; returns the jobs clustered, or null if it did not.</summary>
    public async Task<IReadOnlyList<string>?> TryClusterAsync(string collection, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(collection, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await JobJson.ReadAsync<CollectionDocument>(work, ObjectKeys.Collection(collection), cancellationToken) is not { } settings)
            {
                return null;
            }

            var members = new List<string>();
            var incarnations = new List<string>();
            foreach (var jobId in settings.Jobs)
            {
                var (standing, submittedAt) = await StandingAsync(jobId, cancellationToken);
                if (standing == Standing.Waiting)
                {
                    return null;
                }

                if (standing == Standing.Ready)
                {
                    members.Add(jobId);
                    incarnations.Add($"{jobId}@{submittedAt:O}");
                }
            }

            if (members.Count == 0 || (_clustered.TryGetValue(collection, out var last) && last.SequenceEqual(incarnations)))
            {
                return null;
            }

            var jobs = new List<JobRecords>();
            foreach (var jobId in members)
            {
                jobs.Add(await JobRecords.ReadAsync(work, jobId, cancellationToken));
            }

            var faces = DatasetAssembly.Of(jobs, collection: true).Faces;
            var clusters = FaceClustering.Assign(faces, new ClusteringOptions { Eps = settings.Eps, MinSamples = settings.MinSamples });
            await JobJson.WriteAsync(work, ObjectKeys.CollectionClusters(collection),
                new CollectionClustersDocument(members, [.. faces.Select(f => f.Id)], [.. clusters]), cancellationToken);
            await bus.PublishAsync(new CollectionClustered(collection), cancellationToken);
            _clustered[collection] = [.. incarnations];
            return members;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(Standing Standing, DateTimeOffset? SubmittedAt)> StandingAsync(string jobId, CancellationToken cancellationToken)
    {
        var extractor = await JobJson.ReadAsync<ExtractorState>(work, ObjectKeys.ExtractorState(jobId), cancellationToken);
        if (extractor is null or { State: JobStates.Failed or JobStates.Cancelled } || await new JobCancellation(work).IsRequestedAsync(jobId, cancellationToken))
        {
            return (Standing.LeftOut, null);
        }

        return (await JobJson.ReadAsync<ClustererState>(work, ObjectKeys.ClustererState(jobId), cancellationToken) switch
        {
            { State: JobStates.Clustering } => Standing.Ready,
            { State: JobStates.Cancelled } => Standing.LeftOut,
            _ => Standing.Waiting,
        }, extractor.SubmittedAt);
    }
}
