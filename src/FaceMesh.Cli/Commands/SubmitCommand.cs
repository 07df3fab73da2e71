using System.CommandLine;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using Google.Protobuf;
using Grpc.Core;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh submit VIDEO --server URL</c>: upload footage to the distributed system and follow the job.</summary>
public static class SubmitCommand
{
    private const int ChunkBytes = 1024 * 1024;

    public static Command Create()
    {
        var video = new Argument<string>("video") { Description = "The footage to upload." };
        var name = new Option<string?>("--name") { Description = "Job name (default: the file name without extension, '_' for each character a job name cannot have)." };
        var interval = new Option<string>("--interval") { Description = "Time between sampled frames.", DefaultValueFactory = _ => "1s" };
        var detector = new Option<string>("--detector") { Description = "ssd or tiny.", DefaultValueFactory = _ => "ssd" };
        var detach = new Option<bool>("--detach") { Description = "Return after the upload instead of following the job." };
        var command = new Command("submit", "Upload footage to a FaceMesh server and follow the job to the end.")
        {
            video, name, interval, detector, detach, ClusteringOptionsCli.Eps, ClusteringOptionsCli.MinSamples, ServerOptions.Server, ServerOptions.Token,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(video)!;
            if (!File.Exists(path))
            {
                return RunCommand.Fail($"{path}: no such file.", ExitCodes.BadInput);
            }

            if (!IntervalParser.TryParse(result.GetValue(interval)!, out var every))
            {
                return RunCommand.Fail($"--interval '{result.GetValue(interval)}' is not a duration such as 500ms, 2s or 1m.", ExitCodes.BadInput);
            }

            var (client, headers, channel) = ServerOptions.Connect(result);
            using (channel)
            {
                try
                {
                    var header = new SubmitHeader
                    {
                        JobName = result.GetValue(name) ?? Path.GetFileNameWithoutExtension(ObjectKeys.SafeFileName(Path.GetFileName(path))),
                        FileName = Path.GetFileName(path),
                        SizeBytes = new FileInfo(path).Length,
                        Options = new JobOptions
                        {
                            IntervalSeconds = every.TotalSeconds,
                            Detector = result.GetValue(detector)!,
                            Eps = result.GetValue(ClusteringOptionsCli.Eps),
                            MinSamples = result.GetValue(ClusteringOptionsCli.MinSamples),
                        },
                    };
                    var jobId = await UploadAsync(client, headers, path, header, cancellationToken);
                    Console.WriteLine($"submitted job {jobId}");
                    return result.GetValue(detach) ? ExitCodes.Success : await WatchCommand.FollowAsync(client, headers, jobId, cancellationToken);
                }
                catch (RpcException e)
                {
                    return ServerOptions.Fail(e);
                }
            }
        });
        return command;
    }

    private static async Task<string> UploadAsync(Jobs.JobsClient client, Metadata headers, string path, SubmitHeader header, CancellationToken cancellationToken)
    {
        using var call = client.Submit(headers, cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRequest { Header = header }, cancellationToken);
            var buffer = new byte[ChunkBytes];
            long sent = 0;
            await using (var file = File.OpenRead(path))
            {
                int read;
                while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await call.RequestStream.WriteAsync(new SubmitRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
                    sent += read;
                    if (!Console.IsErrorRedirected)
                    {
                        Console.Error.Write($"\ruploading {100 * sent / Math.Max(1, header.SizeBytes)}% of {header.SizeBytes / 1e6:F1} MB\u001b[K");
                    }
                }
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            // The server rejected the upload before reading all of it; its status comes with the response below.
        }
        finally
        {
            if (!Console.IsErrorRedirected)
            {
                Console.Error.WriteLine();
            }
        }

        return (await call.ResponseAsync).JobId;
    }
}
