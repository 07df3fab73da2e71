using FaceMesh.Contracts.Messages;
using FaceMesh.Messaging;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Storage;
using MassTransit;

namespace FaceMesh.Exporter;

/// <summary>Builds a clustered job's dataset in the datasets bucket and marks the job Done (or Failed for good).</summary>
public sealed class JobClusteredConsumer(ObjectStores stores, ILogger<JobClusteredConsumer> logger) : IConsumer<JobClustered>
{
    public async Task Consume(ConsumeContext<JobClustered> context)
    {
        var jobId = context.Message.JobId;
        var token = context.CancellationToken;
        var extractor = await JobJson.ReadAsync<ExtractorState>(stores.Work, ObjectKeys.ExtractorState(jobId), token);
        if (extractor is null || await new JobCancellation(stores.Work).IsRequestedAsync(jobId, token))
        {
            return;
        }

        var key = ObjectKeys.ExporterState(jobId);
        await JobJson.WriteAsync(stores.Work, key, new ExporterState(jobId, JobStates.Exporting, null, stores.DatasetsBucket, $"{jobId}/"), token);
        try
        {
            var manifest = await new DatasetPublishing(stores.Work, stores.Datasets).PublishAsync(jobId, token);
            await JobJson.WriteAsync(stores.Work, key, new ExporterState(jobId, JobStates.Done, null, stores.DatasetsBucket, $"{jobId}/", DateTimeOffset.UtcNow), token);
            logger.LogInformation("Job {JobId} exported: {Faces} faces, {People} people", jobId, manifest.Faces.Count, manifest.PeopleCount);
        }
        catch (Exception e) when (e is not OperationCanceledException && context.GetRetryAttempt() >= MessagingExtensions.RetryLimit)
        {
            logger.LogError(e, "Export of job {JobId} failed", jobId);
            await JobJson.WriteAsync(stores.Work, key, new ExporterState(jobId, JobStates.Failed, e.Message, stores.DatasetsBucket, $"{jobId}/", DateTimeOffset.UtcNow), token);
        }
    }
}
