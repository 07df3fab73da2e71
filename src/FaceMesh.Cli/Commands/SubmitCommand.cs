using System.CommandLine;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using Google.Protobuf;
using Grpc.Core;

namespace FaceMesh.Cli.Commands;

/// <summary>
/// <c>facemesh submit VIDEO... --server URL</c>: upload footage to the distributed system, one job per video, and follow
/// the jobs; with <c>--dataset NAME</c> the videos join that collection (clustered and published together).
/// </summary>
public static class SubmitCommand
{
    private const int ChunkBytes = 1024 * 1024;

    public static Command Create()
    {
        var videos = new Argument<string[]>("video") { Description = "The footage to upload: one job per video.", Arity = ArgumentArity.OneOrMore };
        var name = new Option<string?>("--name") { Description = "Job name, for one video (default: the file name without extension, '_' for each character a job name cannot have)." };
        var dataset = new Option<string?>("--dataset")
        {
            Description = "Add the videos to this dataset (created by its first video, with that job's --eps and --min-samples): "
                + "all its videos are clustered together and published under datasets/NAME/.",
        };
        var interval = new Option<string>("--interval") { Description = "Time between sampled frames.", DefaultValueFactory = _ => "1s" };
        var detector = new Option<string>("--detector") { Description = "ssd or tiny.", DefaultValueFactory = _ => "ssd" };
        var detach = new Option<bool>("--detach") { Description = "Return after the upload instead of following the job." };
        var command = new Command("submit", "Upload footage to a FaceMesh server and follow the jobs to the end.")
        {
            videos, name, dataset, interval, detector, detach, ClusteringOptionsCli.Eps, ClusteringOptionsCli.MinSamples, ServerOptions.Server, ServerOptions.Token,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var paths = result.GetValue(videos)!;
            if (paths.FirstOrDefault(Directory.Exists) is { } folder)
            {
                return RunCommand.Fail($"{folder}: is a folder; submit takes video files (facemesh run takes folders of videos or images).", ExitCodes.BadInput);
            }

            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            {
                return RunCommand.Fail($"{missing}: no such file.", ExitCodes.BadInput);
            }

            if (paths.Length > 1 && result.GetValue(name) is not null)
            {
                return RunCommand.Fail("--name names one job: give it one video, or let each job be named after its file.", ExitCodes.BadInput);
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
                    var jobs = new List<string>();
                    foreach (var path in paths)
                    {
                        var header = new SubmitHeader
                        {
                            JobName = result.GetValue(name) ?? Path.GetFileNameWithoutExtension(ObjectKeys.SafeFileName(Path.GetFileName(path))),
                            FileName = Path.GetFileName(path),
                            SizeBytes = new FileInfo(path).Length,
                            Dataset = result.GetValue(dataset) ?? string.Empty,
                            Options = new JobOptions
                            {
                                IntervalSeconds = every.TotalSeconds,
                                Detector = result.GetValue(detector)!,
                                Eps = result.GetValue(ClusteringOptionsCli.Eps),
                                MinSamples = result.GetValue(ClusteringOptionsCli.MinSamples),
                            },
                        };
                        jobs.Add(await UploadAsync(client, headers, path, header, cancellationToken));
                        Console.WriteLine($"submitted job {jobs[^1]}{(header.Dataset.Length > 0 ? $" to dataset {header.Dataset}" : "")}");
                    }

                    if (result.GetValue(detach))
                    {
                        return ExitCodes.Success;
                    }

                    // A collection's jobs finish together (it is clustered once all are encoded): follow each in turn.
                    foreach (var jobId in jobs)
                    {
                        if (await WatchCommand.FollowAsync(client, headers, jobId, cancellationToken) is var code and not ExitCodes.Success)
                        {
                            return code;
                        }
                    }

                    return ExitCodes.Success;
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
