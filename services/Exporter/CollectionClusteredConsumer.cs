using System.Collections.Concurrent;
using FaceMesh.Contracts.Messages;
using FaceMesh.Messaging;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Storage;
using MassTransit;

namespace FaceMesh.Exporter;

/// <summary>
/// Publishes a clustered collection under <c>datasets/&lt;collection&gt;/</c> and marks each of its jobs Done (or Failed
/// for good). One publish of a collection at a time: two at once would interleave their uploads and clean-ups.
/// </summary>
public sealed class CollectionClusteredConsumer(ObjectStores stores, ILogger<CollectionClusteredConsumer> logger) : IConsumer<CollectionClustered>
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Publishing = new(StringComparer.Ordinal);

    public async Task Consume(ConsumeContext<CollectionClustered> context)
    {
        var collection = context.Message.Collection;
        if (!ObjectKeys.IsValidJobName(collection))
        {
            return;
        }

        var gate = Publishing.GetOrAdd(collection, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(context.CancellationToken);
        try
        {
            await PublishAsync(context, collection);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task PublishAsync(ConsumeContext<CollectionClustered> context, string collection)
    {
        var token = context.CancellationToken;
        if (await JobJson.ReadAsync<CollectionClustersDocument>(stores.Work, ObjectKeys.CollectionClusters(collection), token) is not { } clustered)
        {
            return;
        }

        var prefix = ObjectKeys.CollectionPrefix(collection);
        await MarkAsync(clustered.Jobs, JobStates.Exporting, null, prefix, token);
        try
        {
            var (manifest, jobs) = await new DatasetPublishing(stores.Work, stores.Datasets).PublishCollectionAsync(collection, token);
            await MarkAsync(jobs, JobStates.Done, null, prefix, token);
            logger.LogInformation("Collection {Collection} exported: {Videos} videos, {Faces} faces, {People} people", collection, jobs.Count, manifest.Faces.Count, manifest.PeopleCount);
        }
        catch (Exception e) when (e is not OperationCanceledException && context.GetRetryAttempt() >= MessagingExtensions.RetryLimit)
        {
            logger.LogError(e, "Export of collection {Collection} failed", collection);
            await MarkAsync(clustered.Jobs, JobStates.Failed, e.Message, prefix, token);
        }
    }

    /// <summary>Records the export's state for each job still there (a job deleted since the clustering gets nothing).</summary>
    private Task MarkAsync(IEnumerable<string> jobs, string state, string? reason, string prefix, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(jobs, cancellationToken, async (jobId, token) =>
        {
            if (await JobJson.ReadAsync<ExtractorState>(stores.Work, ObjectKeys.ExtractorState(jobId), token) is not null)
            {
                await JobJson.WriteAsync(stores.Work, ObjectKeys.ExporterState(jobId),
                    new ExporterState(jobId, state, reason, stores.DatasetsBucket, prefix, state == JobStates.Exporting ? null : DateTimeOffset.UtcNow), token);
            }
        });
}
