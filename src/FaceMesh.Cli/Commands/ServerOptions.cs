using System.CommandLine;
using FaceMesh.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace FaceMesh.Cli.Commands;

/// <summary>How the distributed commands reach the FrameExtractor: --server and --token, or FACEMESH_SERVER and FACEMESH_TOKEN.</summary>
public static class ServerOptions
{
    public static Option<string?> Server { get; } = new("--server") { Description = "FrameExtractor gRPC address, e.g. http://localhost:5001 (default: $FACEMESH_SERVER)." };

    public static Option<string?> Token { get; } = new("--token") { Description = "API token (default: $FACEMESH_TOKEN)." };

    public static (Jobs.JobsClient Client, Metadata Headers, GrpcChannel Channel) Connect(ParseResult result)
    {
        var server = result.GetValue(Server) ?? Environment.GetEnvironmentVariable("FACEMESH_SERVER") ?? "http://localhost:5001";
        var token = result.GetValue(Token) ?? Environment.GetEnvironmentVariable("FACEMESH_TOKEN") ?? string.Empty;
        var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
        return (new Jobs.JobsClient(channel), new Metadata { { "authorization", $"Bearer {token}" } }, channel);
    }

    /// <summary>One line for a failed call, and an exit code by the kind of failure.</summary>
    public static int Fail(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => RunCommand.Fail(e.Status.Detail, ExitCodes.Unauthenticated),
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => RunCommand.Fail($"server unavailable: {e.Status.Detail}", ExitCodes.Unavailable),
        StatusCode.Cancelled => RunCommand.Fail("cancelled", ExitCodes.Cancelled),
        StatusCode.Internal or StatusCode.Unknown => RunCommand.Fail(e.Status.Detail, ExitCodes.Failure),
        _ => RunCommand.Fail(e.Status.Detail, ExitCodes.BadInput),
    };

    public static string Describe(Job job) =>
        $"{job.JobId}: {job.State.ToString().Replace("JobState", string.Empty, StringComparison.Ordinal)}, frames {job.FramesEncoded + job.FramesFailed}/{(job.FramesTotal > 0 ? job.FramesTotal : job.FramesSampled)}"
        + $"{(job.FramesFailed > 0 ? $" ({job.FramesFailed} failed: {FailedFrames(job)})" : string.Empty)}, faces {job.Faces}, people {job.People}"
        + $"{(string.IsNullOrEmpty(job.Reason) ? string.Empty : $" - {job.Reason}")}";

    private static string FailedFrames(Job job) =>
        $"frame{(job.FailedFrames.Count == 1 ? string.Empty : "s")} {string.Join(", ", job.FailedFrames.Take(10))}{(job.FailedFrames.Count > 10 ? ", ..." : string.Empty)}";
}
