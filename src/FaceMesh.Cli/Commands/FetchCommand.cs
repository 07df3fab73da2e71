using System.CommandLine;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Review;
using FaceMesh.Storage;

namespace FaceMesh.Cli.Commands;

/// <summary>
/// <c>facemesh fetch JOB -o DIR</c>: downloads a finished dataset from MinIO. The manifest names every file, so no
/// bucket listing is needed; the folder is built in staging and moved into place when complete.
/// </summary>
public static class FetchCommand
{
    /// <summary>The services' default datasets bucket.</summary>
    public static string DefaultBucket { get; } = new ObjectStoreOptions().DatasetsBucket;

    public static Command Create()
    {
        var job = new Argument<string>("job") { Description = "The job id." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder to create (default: <job>-dataset)." };
        var force = new Option<bool>("--force") { Description = "Replace the dataset in a non-empty folder." };
        var endpoint = new Option<string?>("--s3-endpoint") { Description = "MinIO host:port (default: $FACEMESH_S3_ENDPOINT, else localhost:9000)." };
        var bucket = new Option<string>("--bucket") { Description = $"The datasets bucket (the Exporter's ObjectStore__DatasetsBucket; default {DefaultBucket}).", DefaultValueFactory = _ => DefaultBucket };
        var command = new Command("fetch", "Download a finished dataset from MinIO (keys from $FACEMESH_S3_ACCESS_KEY and $FACEMESH_S3_SECRET_KEY).")
        {
            job, output, force, endpoint, bucket,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var jobId = result.GetValue(job)!;
            var options = new ObjectStoreOptions
            {
                Endpoint = result.GetValue(endpoint) ?? Environment.GetEnvironmentVariable("FACEMESH_S3_ENDPOINT") ?? "localhost:9000",
                AccessKey = Environment.GetEnvironmentVariable("FACEMESH_S3_ACCESS_KEY") ?? string.Empty,
                SecretKey = Environment.GetEnvironmentVariable("FACEMESH_S3_SECRET_KEY") ?? string.Empty,
            };
            if (!Pipeline.Distributed.ObjectKeys.IsValidJobName(jobId))
            {
                return RunCommand.Fail($"'{jobId}' is not a valid job id.", ExitCodes.BadInput);
            }

            var store = new MinioObjectStore(MinioObjectStore.CreateClient(options), result.GetValue(bucket)!);
            OutputFolder? folder = null;
            try
            {
                var manifestBytes = await store.GetAsync($"{jobId}/{DatasetPaths.Manifest}", cancellationToken);
                if (manifestBytes is null)
                {
                    return RunCommand.Fail($"no finished dataset for job '{jobId}' in bucket {result.GetValue(bucket)}.", ExitCodes.BadInput);
                }

                folder = OutputFolder.Prepare(result.GetValue(output) ?? $"{jobId}-dataset", result.GetValue(force));
                await File.WriteAllBytesAsync(Path.Combine(folder.Staging, DatasetPaths.Manifest), manifestBytes, cancellationToken);
                var manifest = ManifestJson.Read(Path.Combine(folder.Staging, DatasetPaths.Manifest));
                var files = DatasetFiles.Of(manifest).ToList();
                for (var i = 0; i < files.Count; i++)
                {
                    var target = Path.Combine(folder.Staging, files[i]);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (!await store.DownloadToFileAsync($"{jobId}/{files[i]}", target, cancellationToken))
                    {
                        throw new OutputFolderException($"the dataset is incomplete: {files[i]} is missing");
                    }
                }

                // A review done on the Exporter's page travels with the dataset, for facemesh export and review here.
                var edits = await store.GetAsync($"{jobId}/{ReviewSession.EditsFile}", cancellationToken);
                if (edits is not null)
                {
                    await File.WriteAllBytesAsync(Path.Combine(folder.Staging, ReviewSession.EditsFile), edits, cancellationToken);
                }

                Directory.CreateDirectory(Path.Combine(folder.Staging, DatasetPaths.People, "noise"));
                folder.Commit([.. DatasetPaths.Entries, ReviewSession.EditsFile]);
                Console.WriteLine($"{files.Count + (edits is null ? 1 : 2)} files -> {folder.Destination}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                folder?.Abandon();
                return CommandFailure.Report(e, $"download from {options.Endpoint}", ioExitCode: ExitCodes.Unavailable);
            }
        });
        return command;
    }
}
