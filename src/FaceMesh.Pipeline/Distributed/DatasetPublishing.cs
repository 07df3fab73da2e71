using FaceMesh.Engine.Models;
using FaceMesh.Pipeline.Distributed.Collections;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 4 (in the Exporter): builds a dataset with the very exporter <c>facemesh run</c> uses, in a local staging
/// folder, and uploads it under its prefix in the datasets bucket, several transfers at a time, <c>manifest.json</c> last
/// (frames and portraits are copied from the work bucket on the server, never through the Exporter, which downloads only
/// the portraits the montages show)
/// (its presence means the dataset is complete); then removes what the previous manifest listed and this one does not
/// (a re-clustered collection renumbers people). The review's <c>edits.json</c> is never touched. Running it twice
/// uploads the same objects again.
/// </summary>
public sealed class DatasetPublishing(IObjectStore work, IObjectStore datasets)
{
    /// <summary>A job's own dataset, under the job's id.</summary>
    public async Task<DatasetManifest> PublishAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await JobRecords.ReadAsync(work, jobId, cancellationToken);
        var assembly = DatasetAssembly.Of([job], collection: false);
        var parameters = Parameters(job.Source, job.Frames);
        return await PublishAsync(ObjectKeys.DatasetPrefix(jobId, null), assembly, Clusters(assembly, job.Clusters.FaceIds, job.Clusters.Clusters, jobId), parameters, cancellationToken);
    }

    /// <summary>A collection's dataset, under <c>datasets/&lt;collection&gt;/</c>, as the Clusterer last clustered it.</summary>
    public async Task<(DatasetManifest Manifest, IReadOnlyList<string> Jobs)> PublishCollectionAsync(string collection, CancellationToken cancellationToken)
    {
        var clusters = await JobJson.ReadAsync<CollectionClustersDocument>(work, ObjectKeys.CollectionClusters(collection), cancellationToken)
            ?? throw new InvalidOperationException($"collection {collection} has not been clustered");
        var settings = await JobJson.ReadAsync<CollectionDocument>(work, ObjectKeys.Collection(collection), cancellationToken)
            ?? throw new InvalidOperationException($"collection {collection} is unknown");
        var jobs = new List<JobRecords>();
        foreach (var jobId in clusters.Jobs)
        {
            jobs.Add(await JobRecords.ReadAsync(work, jobId, cancellationToken));
        }

        var assembly = DatasetAssembly.Of(jobs, collection: true);
        var parameters = Parameters(jobs[0].Source, jobs.SelectMany(j => j.Frames)) with { Eps = settings.Eps, MinSamples = settings.MinSamples };
        var manifest = await PublishAsync(ObjectKeys.CollectionPrefix(collection), assembly,
            Clusters(assembly, clusters.FaceIds, clusters.Clusters, collection), parameters, cancellationToken);
        return (manifest, clusters.Jobs);
    }

    /// <summary>The clusters, once it is certain they are the assembled faces' (records never change once clustered; a deleted job's do vanish).</summary>
    private static IReadOnlyList<int> Clusters(DatasetAssembly assembly, List<string> faceIds, List<int> clusters, string name) =>
        assembly.Faces.Select(f => f.Id).SequenceEqual(faceIds) && clusters.Count == faceIds.Count
            ? clusters
            : throw new InvalidOperationException($"{name}: the recorded faces are no longer those clustered");

    private async Task<DatasetManifest> PublishAsync(string prefix, DatasetAssembly assembly, IReadOnlyList<int> clusters, RunParameters parameters, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateTempSubdirectory("facemesh-export-").FullName;
        try
        {
            var previous = await PreviousFilesAsync(prefix, staging, cancellationToken);
            var portraits = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Staging)).FullName;
            var manifest = new DatasetManifest([.. assembly.Sources], parameters, [.. assembly.Frames], [.. assembly.Faces], [.. clusters]);
            var copies = assembly.Frames.Select((f, i) => (Source: assembly.FrameKeys[i], File: $"{DatasetPaths.Images}/{f.FileName}"))
                .Concat(assembly.Faces.Select((_, i) => (Source: assembly.PortraitKeys[i], File: manifest.CropPath(i))))
                .ToList();
            await Parallel.ForEachAsync(copies, Transfers(cancellationToken), async (copy, token) =>
            {
                if (!await work.CopyToAsync(copy.Source, datasets, prefix + copy.File, token))
                {
                    throw new InvalidOperationException($"object {copy.Source} is missing");
                }
            });
            var shown = DatasetExporter.MontageFaces(manifest).SelectMany(m => m.Faces).ToList();
            await Parallel.ForEachAsync(shown, Transfers(cancellationToken), (i, token) =>
                DownloadAsync(assembly.PortraitKeys[i], Path.Combine(portraits, $"{assembly.Faces[i].Id}.jpg"), token));
            DatasetExporter.WriteAllButPeople(staging, manifest, i => Path.Combine(portraits, $"{manifest.Faces[i].Id}.jpg"), datasetPath: null, cancellationToken);
            Directory.Delete(portraits, recursive: true);

            var files = Directory.GetFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/'))
                .ToList();
            await Parallel.ForEachAsync(files.Where(f => f != DatasetPaths.Manifest), Transfers(cancellationToken), (file, token) => UploadAsync(staging, prefix, file, token));
            await UploadAsync(staging, prefix, DatasetPaths.Manifest, cancellationToken);

            var stale = previous.Except(files).Except(copies.Select(c => c.File)).Where(f => f is not (DatasetPaths.Manifest or DatasetPaths.Edits)).ToList();
            await Parallel.ForEachAsync(stale, Transfers(cancellationToken), async (file, token) => await datasets.DeleteAsync(prefix + file, token));
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The files the dataset published under <paramref name="prefix"/> before has, by its manifest (nothing lists a bucket).</summary>
    private async Task<IReadOnlyList<string>> PreviousFilesAsync(string prefix, string staging, CancellationToken cancellationToken)
    {
        var path = Path.Combine(staging, "previous-manifest.json");
        try
        {
            return await datasets.DownloadToFileAsync(prefix + DatasetPaths.Manifest, path, cancellationToken)
                ? [.. DatasetFiles.Of(ManifestJson.Read(path))]
                : [];
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The job's sampling and clustering options with the settings of the engines that encoded its frames. Encoders
    /// of one deployment share their settings; should a rolling update mix two, the first frame's are reported.
    /// </summary>
    private static RunParameters Parameters(SourceDocument source, IEnumerable<FrameFacesDocument> frames)
    {
        var engine = frames.Select(f => f.Engine).FirstOrDefault(e => e is not null);
        if (engine is null)
        {
            // No frame reached an engine: the settings an engine would have used.
            var defaults = new Engine.FaceEngineOptions();
            engine = new EngineDocument(source.Detector, defaults.MinConfidence, defaults.MinFaceSize, defaults.TileSize,
                defaults.Alignment.ToString().ToLowerInvariant(), ModelFolder.Release, EngineParameters.Precision(defaults));
        }

        return new RunParameters(source.IntervalSeconds, engine.Detector, engine.MinConfidence, engine.MinFaceSize, engine.TileSize, engine.Alignment,
            source.Eps, source.MinSamples, engine.Models, Precision: engine.Precision, ValFraction: TrainValSplit.DefaultValFraction);
    }

    private async ValueTask UploadAsync(string staging, string prefix, string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(staging, file));
        await datasets.PutAsync(prefix + file, stream, stream.Length, file.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "text/plain", cancellationToken);
    }

    /// <summary>Object transfers are latency-bound: several in flight hide the round trips.</summary>
    private static ParallelOptions Transfers(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };

    private async ValueTask DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (!await work.DownloadToFileAsync(key, path, cancellationToken))
        {
            throw new InvalidOperationException($"object {key} is missing");
        }
    }
}
