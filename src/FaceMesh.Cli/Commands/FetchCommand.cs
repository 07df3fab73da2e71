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
        var job = new Argument<string?>("job") { Description = "The job id (or --dataset NAME for a dataset of many videos).", Arity = ArgumentArity.ZeroOrOne };
        var dataset = new Option<string?>("--dataset") { Description = "Fetch the dataset of this name (its videos submitted with --dataset) instead of one job's." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder to create (default: <job or dataset>-dataset)." };
        var force = new Option<bool>("--force") { Description = "Replace the dataset in a non-empty folder." };
        var endpoint = new Option<string?>("--s3-endpoint") { Description = "MinIO host:port (default: $FACEMESH_S3_ENDPOINT, else localhost:9000)." };
        var bucket = new Option<string>("--bucket") { Description = $"The datasets bucket (the Exporter's ObjectStore__DatasetsBucket; default {DefaultBucket}).", DefaultValueFactory = _ => DefaultBucket };
        var command = new Command("fetch", "Download a finished dataset from MinIO (keys from $FACEMESH_S3_ACCESS_KEY and $FACEMESH_S3_SECRET_KEY).")
        {
            job, dataset, output, force, endpoint, bucket,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (jobId, collection) = (result.GetValue(job), result.GetValue(dataset));
            if ((jobId is null) == (collection is null))
            {
                return RunCommand.Fail("name a job, or a dataset with --dataset NAME (not both).", ExitCodes.BadInput);
            }

            var name = (jobId ?? collection)!;
            var options = new ObjectStoreOptions
            {
                Endpoint = result.GetValue(endpoint) ?? Environment.GetEnvironmentVariable("FACEMESH_S3_ENDPOINT") ?? "localhost:9000",
                AccessKey = Environment.GetEnvironmentVariable("FACEMESH_S3_ACCESS_KEY") ?? string.Empty,
                SecretKey = Environment.GetEnvironmentVariable("FACEMESH_S3_SECRET_KEY") ?? string.Empty,
            };
            if (!Pipeline.Distributed.ObjectKeys.IsValidJobName(name))
            {
                return RunCommand.Fail($"'{name}' is not a valid {(jobId is null ? "dataset name" : "job id")}.", ExitCodes.BadInput);
            }

            var prefix = Pipeline.Distributed.ObjectKeys.DatasetPrefix(name, collection);

            var store = new MinioObjectStore(MinioObjectStore.CreateClient(options), result.GetValue(bucket)!);
            OutputFolder? folder = null;
            try
            {
                var manifestBytes = await store.GetAsync($"{prefix}{DatasetPaths.Manifest}", cancellationToken);
                if (manifestBytes is null)
                {
                    return RunCommand.Fail($"no finished dataset for {(jobId is null ? "dataset" : "job")} '{name}' in bucket {result.GetValue(bucket)}.", ExitCodes.BadInput);
                }

                folder = OutputFolder.Prepare(result.GetValue(output) ?? $"{name}-dataset", result.GetValue(force));
                await File.WriteAllBytesAsync(Path.Combine(folder.Staging, DatasetPaths.Manifest), manifestBytes, cancellationToken);
                var manifest = ManifestJson.Read(Path.Combine(folder.Staging, DatasetPaths.Manifest));
                var files = DatasetFiles.Of(manifest).ToList();
                for (var i = 0; i < files.Count; i++)
                {
                    var target = Path.Combine(folder.Staging, files[i]);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (!await store.DownloadToFileAsync($"{prefix}{files[i]}", target, cancellationToken) && !IsSplitList(files[i]))
                    {
                        throw new OutputFolderException($"the dataset is incomplete: {files[i]} is missing");
                    }
                }

                // Datasets published before the train/val split have no lists: the split is made here, as the Exporter would.
                if (!File.Exists(Path.Combine(folder.Staging, DatasetPaths.TrainList)))
                {
                    YoloLabels.WriteSplit(folder.Staging, manifest.Frames, manifest.Parameters.ValFraction);
                }

                // A review done on the Exporter's page travels with the dataset, for facemesh export and review here.
                var edits = await store.GetAsync($"{prefix}{ReviewSession.EditsFile}", cancellationToken);
                if (edits is not null)
                {
                    await File.WriteAllBytesAsync(Path.Combine(folder.Staging, ReviewSession.EditsFile), edits, cancellationToken);
                }

                Directory.CreateDirectory(Path.Combine(folder.Staging, DatasetPaths.People, "noise"));
                var dataYaml = Path.Combine(folder.Staging, DatasetPaths.DataYaml);
                if (File.Exists(dataYaml))
                {
                    await File.WriteAllTextAsync(dataYaml, YoloLabels.WithPath(await File.ReadAllTextAsync(dataYaml, cancellationToken), folder.Destination), cancellationToken);
                }

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

    private static bool IsSplitList(string file) => file is DatasetPaths.TrainList or DatasetPaths.ValList;
}
