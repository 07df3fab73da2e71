using FaceMesh.Hosting.Settings;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
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
            try
            {
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
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Sampling job {JobId} failed", jobId);
                    await JobJson.WriteAsync(stores.Work, key, job with { State = JobStates.Failed, Reason = e.Message }, stoppingToken);
                }
            }
            finally
            {
                // The stored footage is the durable copy: a restart fetches it again (SamplingResume).
                File.Delete(footage);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var resume = new SamplingResume(stores.Work, options.Value.ScratchFolder);
        foreach (var jobId in await new JobCatalog(stores.Work, stores.DatasetsBucket).ListAsync(cancellationToken))
        {
            if (await resume.PrepareAsync(jobId, cancellationToken) is { } path)
            {
                logger.LogWarning("Resuming sampling of job {JobId}: a previous FrameExtractor stopped while sampling it", jobId);
                await queue.EnqueueAsync(jobId, path, cancellationToken);
            }
        }
    }
}
