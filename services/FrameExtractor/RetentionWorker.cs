using FaceMesh.Hosting.Settings;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using Microsoft.Extensions.Options;

namespace FaceMesh.FrameExtractor;

/// <summary>Once an hour (and at start), removes the working objects of jobs finished longer than <c>Extractor__RetentionDays</c>.</summary>
public sealed class RetentionWorker(ObjectStores stores, IOptions<ExtractorOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = new JobRetention(stores.Work, stores.Datasets, TimeSpan.FromDays(options.Value.RetentionDays));
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var swept = await retention.SweepAsync(DateTimeOffset.UtcNow, stoppingToken,
                    (jobId, e) => logger.LogError(e, "Retention could not sweep job {JobId}; trying again at the next sweep", jobId));
                if (swept.Count > 0)
                {
                    logger.LogInformation("Retention removed the working objects of {Count} finished jobs: {Jobs}", swept.Count, string.Join(", ", swept));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention sweep failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
