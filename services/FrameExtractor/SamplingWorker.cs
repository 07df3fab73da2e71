using FaceMesh.Infrastructure.Settings;
using FaceMesh.Infrastructure.Storage;
using FaceMesh.Pipeline.Distributed;
using Microsoft.Extensions.Options;

namespace FaceMesh.FrameExtractor;

/// <summary>Samples queued jobs; at start, requeues jobs a previous instance left in Sampling (footage is in the store).</summary>
public sealed class SamplingWorker(SamplingQueue queue, ObjectStores stores, IServiceScopeFactory scopes, IOptions<ExtractorOptions> options, ILogger<SamplingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var (jobId, footage) in queue.ReadAllAsync(stoppingToken))
        {
            var key = ObjectKeys.ExtractorState(jobId);
            var job = await JobJson.ReadAsync<ExtractorState>(stores.Work, key, stoppingToken);
            if (job is null || await new JobCancellation(stores.Work).IsRequestedAsync(jobId, stoppingToken))
            {
                continue;
            }

            try
            {
                using var scope = scopes.CreateScope();
                var sampling = new FootageSampling(stores.Work, scope.ServiceProvider.GetRequiredService<IJobBus>());
                await sampling.RunAsync(footage, job, stoppingToken);
                File.Delete(footage);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sampling job {JobId} failed", jobId);
                await JobJson.WriteAsync(stores.Work, key, job with { State = JobStates.Failed, Reason = e.Message }, stoppingToken);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var catalog = new JobCatalog(stores.Work, stores.DatasetsBucket);
        foreach (var jobId in await catalog.ListAsync(cancellationToken))
        {
            var job = await JobJson.ReadAsync<ExtractorState>(stores.Work, ObjectKeys.ExtractorState(jobId), cancellationToken);
            if (job is not { State: JobStates.Sampling } || await new JobCancellation(stores.Work).IsRequestedAsync(jobId, cancellationToken))
            {
                continue;
            }

            var bytes = await stores.Work.GetAsync(ObjectKeys.Footage(jobId, job.SourceFile), cancellationToken);
            if (bytes is null)
            {
                await JobJson.WriteAsync(stores.Work, ObjectKeys.ExtractorState(jobId), job with { State = JobStates.Failed, Reason = "footage lost before sampling" }, cancellationToken);
                continue;
            }

            var path = Path.Combine(Directory.CreateDirectory(options.Value.ScratchFolder).FullName, $"{jobId}-{job.SourceFile}");
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            logger.LogInformation("Resuming sampling of job {JobId}", jobId);
            await queue.EnqueueAsync(jobId, path, cancellationToken);
        }
    }
}
