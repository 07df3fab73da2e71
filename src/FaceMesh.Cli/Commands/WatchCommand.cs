using System.CommandLine;
using FaceMesh.Contracts.V1;
using Grpc.Core;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh watch JOB</c>: follow a job's progress until it ends.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var job = new Argument<string>("job") { Description = "The job id (its name)." };
        var command = new Command("watch", "Follow a job until it is done.") { job, ServerOptions.Server, ServerOptions.Token };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (client, headers, channel) = ServerOptions.Connect(result);
            using (channel)
            {
                try
                {
                    return await FollowAsync(client, headers, result.GetValue(job)!, cancellationToken);
                }
                catch (RpcException e)
                {
                    return ServerOptions.Fail(e);
                }
            }
        });
        return command;
    }

    /// <summary>The command that fetches the job's dataset, naming the bucket when it is not the default one.</summary>
    public static string FetchHint(Job job) =>
        $"facemesh fetch {(job.Dataset.Length > 0 ? $"--dataset {job.Dataset}" : job.JobId)} -o DIR{(job.DatasetBucket == FetchCommand.DefaultBucket ? string.Empty : $" --bucket {job.DatasetBucket}")}";

    public static async Task<int> FollowAsync(Jobs.JobsClient client, Metadata headers, string jobId, CancellationToken cancellationToken)
    {
        using var call = client.WatchJob(new WatchJobRequest { JobId = jobId }, headers, cancellationToken: cancellationToken);
        Job? last = null;
        await foreach (var job in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            last = job;
            if (Console.IsErrorRedirected)
            {
                Console.Error.WriteLine(ServerOptions.Describe(job));
            }
            else
            {
                Console.Error.Write($"\r{ServerOptions.Describe(job)}\u001b[K");
            }
        }

        if (!Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }

        if (last is null)
        {
            return RunCommand.Fail($"job {jobId} reported nothing", ExitCodes.Failure);
        }

        Console.WriteLine(ServerOptions.Describe(last));
        if (last.State == JobState.Done)
        {
            Console.WriteLine($"dataset: s3://{last.DatasetBucket}/{last.DatasetPrefix} ({FetchHint(last)})");
        }

        return last.State switch
        {
            JobState.Done => ExitCodes.Success,
            JobState.Cancelled => ExitCodes.Cancelled,
            _ => RunCommand.Fail($"job {last.JobId} failed: {last.Reason}", ExitCodes.Failure),
        };
    }
}
