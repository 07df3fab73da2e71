using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;

namespace FaceMesh.Clusterer;

/// <summary>At start, clusters the jobs a previous instance left complete but unclustered (see <see cref="FrameLedger.ResumeAsync"/>).</summary>
public sealed class LedgerRecovery(FrameLedger ledger, ObjectStores stores, ILogger<LedgerRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var jobId in await new JobCatalog(stores.Work, stores.DatasetsBucket).ListAsync(stoppingToken))
        {
            try
            {
                await ledger.ResumeAsync(jobId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not resume job {JobId}", jobId);
            }
        }
    }
}
