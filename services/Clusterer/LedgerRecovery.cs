using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;

namespace FaceMesh.Clusterer;

/// <summary>
/// At start, clusters the jobs a previous instance left complete but unclustered (see <see cref="FrameLedger.ResumeAsync"/>),
/// then each collection with a member clustered but not yet published.
/// </summary>
public sealed class LedgerRecovery(FrameLedger ledger, ObjectStores stores, ILogger<LedgerRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var collections = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var jobId in await new JobCatalog(stores.Work, stores.DatasetsBucket).ListAsync(stoppingToken))
        {
            try
            {
                if (await ledger.ResumeAsync(jobId, stoppingToken) is { } collection)
                {
                    collections.Add(collection);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not resume job {JobId}", jobId);
            }
        }

        foreach (var collection in collections)
        {
            try
            {
                await ledger.CollectionChangedAsync(collection, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not resume collection {Collection}", collection);
            }
        }
    }
}
