using FaceMesh.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaceMesh.Hosting;

/// <summary>Creates the buckets at start (retrying while the object store comes up), so no service depends on a setup job.</summary>
public sealed class BucketInitializer(MinioBuckets buckets, ILogger<BucketInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await buckets.Work.EnsureBucketAsync(cancellationToken);
                await buckets.Datasets.EnsureBucketAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 30 && e is not OperationCanceledException)
            {
                logger.LogWarning("Object store not ready ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
