using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Hosting.Security;
using FaceMesh.Hosting.Settings;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Storage;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace FaceMesh.FrameExtractor;

/// <summary>The public gRPC API: upload footage, follow and cancel jobs.</summary>
public sealed class JobsService(ObjectStores stores, SamplingQueue queue, IJobBus bus, IOptions<ExtractorOptions> options) : Jobs.JobsBase
{
    private readonly JobCatalog _catalog = new(stores.Work, stores.DatasetsBucket);
    private readonly CollectionMembership _collections = new(stores.Work);

    public override async Task<SubmitReply> Submit(IAsyncStreamReader<SubmitRequest> requestStream, ServerCallContext context)
    {
        var token = context.CancellationToken;
        if (!await requestStream.MoveNext(token) || requestStream.Current.PartCase != SubmitRequest.PartOneofCase.Header)
        {
            throw Errors.Invalid("the first message must be the header (job name, file name, size, options)");
        }

        var header = requestStream.Current.Header;
        var caller = BearerTokenInterceptor.CallerOf(context);
        var job = Validated(header) with
        {
            Owner = caller.Id,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        var submission = new JobSubmission(stores.Work);
        await MappedAsync(() => submission.EnsureNewAsync(job.JobId, token));
        if (job.Dataset is { } collection)
        {
            await MappedAsync(() => _collections.EnsureMayJoinAsync(collection, caller, token));
        }

        var scratch = Directory.CreateDirectory(options.Value.ScratchFolder).FullName;
        var path = Path.Combine(scratch, $"{job.JobId}-{Guid.NewGuid():N}-{ObjectKeys.SafeFileName(job.SourceFile)}");
        try
        {
            await ReceiveAsync(requestStream, path, header.SizeBytes, token);
            Mapped(() => SubmitValidation.EnsureReadable(path, job));
            // Joined before the job is recorded: a stop in between leaves a member with no job, which clustering skips.
            if (job.Dataset is not null)
            {
                await MappedAsync(() => _collections.JoinAsync(job, caller, token));
            }

            await submission.RecordAsync(job, path, token);
            await queue.EnqueueAsync(job.JobId, path, token);
            return new SubmitReply { JobId = job.JobId };
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public override async Task<Job> GetJob(GetJobRequest request, ServerCallContext context) => JobMessages.ToJob(await VisibleAsync(request.JobId, context));

    public override async Task<ListJobsReply> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        var reply = new ListJobsReply();
        var caller = BearerTokenInterceptor.CallerOf(context);
        foreach (var id in await _catalog.ListAsync(context.CancellationToken))
        {
            if (await _catalog.GetAsync(id, caller, context.CancellationToken) is { } job)
            {
                reply.Jobs.Add(JobMessages.ToJob(job));
            }
        }

        return reply;
    }

    public override async Task<Job> CancelJob(CancelJobRequest request, ServerCallContext context)
    {
        var current = await VisibleAsync(request.JobId, context);
        await MappedAsync(() => new JobCancellation(stores.Work).RequestAsync(current, context.CancellationToken));
        if (current.Submitted.Dataset is { } collection)
        {
            // The rest of the collection no longer waits for this job.
            await bus.PublishAsync(new CollectionChanged(collection), context.CancellationToken);
        }

        return JobMessages.ToJob(await VisibleAsync(request.JobId, context));
    }

    public override async Task<DeleteJobReply> DeleteJob(DeleteJobRequest request, ServerCallContext context)
    {
        var current = await VisibleAsync(request.JobId, context);
        var deleted = await MappedAsync(() => new JobDeletion(stores.Work, stores.Datasets).DeleteFinishedAsync(current, request.Dataset, context.CancellationToken));
        if (current.Submitted.Dataset is { } collection && !request.Dataset)
        {
            // The collection is clustered and published again without the job.
            await bus.PublishAsync(new CollectionChanged(collection), context.CancellationToken);
        }

        return new DeleteJobReply { JobId = request.JobId, ObjectsDeleted = deleted };
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<Job> responseStream, ServerCallContext context)
    {
        Job? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var view = await VisibleAsync(request.JobId, context);
            var job = JobMessages.ToJob(view);
            if (!job.Equals(last))
            {
                await responseStream.WriteAsync(job, context.CancellationToken);
                last = job;
            }

            if (view.IsFinished)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), context.CancellationToken);
        }
    }

    private static async Task ReceiveAsync(IAsyncStreamReader<SubmitRequest> stream, string path, long declared, CancellationToken token)
    {
        long received = 0;
        await using (var file = File.Create(path))
        {
            while (await stream.MoveNext(token))
            {
                if (stream.Current.PartCase != SubmitRequest.PartOneofCase.Chunk)
                {
                    throw Errors.Invalid("only chunks may follow the header");
                }

                received += stream.Current.Chunk.Length;
                if (received > declared)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, $"the upload is larger than the declared {declared:N0} bytes"));
                }

                stream.Current.Chunk.WriteTo(file);
            }
        }

        if (received != declared)
        {
            throw Errors.Invalid($"received {received:N0} bytes, the header declared {declared:N0}");
        }
    }

    private ExtractorState Validated(SubmitHeader header) => Mapped(() => SubmitValidation.Validate(JobMessages.ToRequest(header), options.Value.MaxUploadBytes));

    private static void Mapped(Action rule) => Mapped(() =>
    {
        rule();
        return true;
    });

    /// <summary>Runs a job rule, turning its refusal into the gRPC status the client sees.</summary>
    private static T Mapped<T>(Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (JobRequestException e)
        {
            throw Errors.Refused(e);
        }
    }

    private static async Task MappedAsync(Func<Task> rule) => await MappedAsync(async () =>
    {
        await rule();
        return true;
    });

    private static async Task<T> MappedAsync<T>(Func<Task<T>> rule)
    {
        try
        {
            return await rule();
        }
        catch (JobRequestException e)
        {
            throw Errors.Refused(e);
        }
    }

    /// <summary>The job, if the caller may see it: another owner's job is as unknown as a job that never existed.</summary>
    private async Task<JobView> VisibleAsync(string jobId, ServerCallContext context) =>
        await _catalog.GetAsync(ValidId(jobId), BearerTokenInterceptor.CallerOf(context), context.CancellationToken) ?? throw Errors.NotFound(jobId);

    private static string ValidId(string jobId) =>
        ObjectKeys.IsValidJobName(jobId) ? jobId : throw Errors.Invalid($"'{jobId}' is not a valid job id");
}
