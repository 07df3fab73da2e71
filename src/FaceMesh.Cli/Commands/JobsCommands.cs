using System.CommandLine;
using FaceMesh.Contracts.V1;
using Grpc.Core;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh jobs</c>, <c>facemesh cancel JOB</c> and <c>facemesh delete JOB</c>.</summary>
public static class JobsCommands
{
    public static Command List()
    {
        var command = new Command("jobs", "List the server's jobs.") { ServerOptions.Server, ServerOptions.Token };
        command.SetAction(async (result, cancellationToken) => await CallAsync(result, async (client, headers) =>
        {
            var reply = await client.ListJobsAsync(new ListJobsRequest(), headers, cancellationToken: cancellationToken);
            foreach (var job in reply.Jobs)
            {
                Console.WriteLine(ServerOptions.Describe(job));
            }
        }));
        return command;
    }

    public static Command Cancel()
    {
        var job = new Argument<string>("job") { Description = "The job id." };
        var command = new Command("cancel", "Cancel a job.") { job, ServerOptions.Server, ServerOptions.Token };
        command.SetAction(async (result, cancellationToken) => await CallAsync(result, async (client, headers) =>
            Console.WriteLine(ServerOptions.Describe(await client.CancelJobAsync(new CancelJobRequest { JobId = result.GetValue(job)! }, headers, cancellationToken: cancellationToken)))));
        return command;
    }

    public static Command Delete()
    {
        var job = new Argument<string>("job") { Description = "The job id." };
        var dataset = new Option<bool>("--dataset") { Description = "Delete the job's dataset in the datasets bucket too." };
        var command = new Command("delete", "Delete a finished job's footage, frames, portraits and state (and with --dataset its dataset).")
        {
            job, dataset, ServerOptions.Server, ServerOptions.Token,
        };
        command.SetAction(async (result, cancellationToken) => await CallAsync(result, async (client, headers) =>
        {
            var reply = await client.DeleteJobAsync(new DeleteJobRequest { JobId = result.GetValue(job)!, Dataset = result.GetValue(dataset) }, headers, cancellationToken: cancellationToken);
            Console.WriteLine($"{reply.JobId}: deleted ({reply.ObjectsDeleted} objects{(result.GetValue(dataset) ? ", dataset included" : ", dataset kept")})");
        }));
        return command;
    }

    private static async Task<int> CallAsync(ParseResult result, Func<Jobs.JobsClient, Metadata, Task> call)
    {
        var (client, headers, channel) = ServerOptions.Connect(result);
        using (channel)
        {
            try
            {
                await call(client, headers);
                return ExitCodes.Success;
            }
            catch (RpcException e)
            {
                return ServerOptions.Fail(e);
            }
        }
    }
}
