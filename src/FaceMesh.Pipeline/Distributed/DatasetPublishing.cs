using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 4 (in the Exporter): builds the dataset with the very exporter <c>facemesh run</c> uses, in a local staging
/// folder, and uploads it under the job's prefix in the datasets bucket, several transfers at a time, <c>manifest.json</c> last
/// (its presence means the dataset is complete). Running it twice uploads the same objects again.
/// </summary>
public sealed class DatasetPublishing(IObjectStore work, IObjectStore datasets)
{
    public async Task<DatasetManifest> PublishAsync(string jobId, CancellationToken cancellationToken)
    {
        var state = await JobJson.ReadAsync<ClustererState>(work, ObjectKeys.ClustererState(jobId), cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} has no clustering state");
        var clusters = await JobJson.ReadAsync<ClustersDocument>(work, ObjectKeys.Clusters(jobId), cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} has no clusters");
        var source = state.Source!;

        var staging = Directory.CreateTempSubdirectory($"facemesh-export-{jobId}-").FullName;
        try
        {
            var images = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Images)).FullName;
            var portraits = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Staging)).FullName;
            var documents = new FrameFacesDocument[state.FramesDone.Count];
            var done = state.FramesDone.Order().ToArray();
            await Parallel.ForEachAsync(Enumerable.Range(0, done.Length), Transfers(cancellationToken), async (i, token) =>
            {
                documents[i] = (await JobJson.ReadAsync<FrameFacesDocument>(work, ObjectKeys.FrameFaces(jobId, done[i]), token))!;
                var record = new FrameRecord(documents[i].FrameIndex, documents[i].TimeSeconds, documents[i].Width, documents[i].Height);
                await DownloadAsync(ObjectKeys.Frame(jobId, done[i]), Path.Combine(images, record.FileName), token);
                foreach (var face in documents[i].Faces)
                {
                    await DownloadAsync(ObjectKeys.Portrait(jobId, face.Id), Path.Combine(portraits, $"{face.Id}.jpg"), token);
                }
            });
            var frames = documents.Select(d => new FrameRecord(d.FrameIndex, d.TimeSeconds, d.Width, d.Height)).ToList();
            var faces = documents.SelectMany(d => d.Faces.Select(f => FrameLedger.ToRecord(d, f))).ToDictionary(f => f.Id);

            var manifest = new DatasetManifest(
                new SourceInfo(source.File, source.Width, source.Height, source.FramesPerSecond, source.DurationSeconds),
                new RunParameters(source.IntervalSeconds, source.Detector, new Engine.FaceEngineOptions().MinConfidence, new Engine.FaceEngineOptions().MinFaceSize,
                    new Engine.FaceEngineOptions().TileSize, new Engine.FaceEngineOptions().Alignment.ToString().ToLowerInvariant(), source.Eps, source.MinSamples,
                    Embedded.EmbeddedPipeline.ModelsVersion),
                frames,
                clusters.FaceIds.Select(id => faces[id]).ToList(),
                clusters.Clusters);
            DatasetExporter.Export(staging, manifest, i => Path.Combine(portraits, $"{manifest.Faces[i].Id}.jpg"), move: true, cancellationToken: cancellationToken);
            Directory.Delete(portraits, recursive: true);

            var files = Directory.GetFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/'))
                .ToList();
            await Parallel.ForEachAsync(files.Where(f => f != DatasetPaths.Manifest), Transfers(cancellationToken), (file, token) => UploadAsync(staging, jobId, file, token));
            await UploadAsync(staging, jobId, DatasetPaths.Manifest, cancellationToken);

            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private async ValueTask UploadAsync(string staging, string jobId, string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(staging, file));
        await datasets.PutAsync($"{jobId}/{file}", stream, stream.Length, file.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "text/plain", cancellationToken);
    }

    /// <summary>Object transfers are latency-bound: several in flight hide the round trips.</summary>
    private static ParallelOptions Transfers(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };

    private async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (!await work.DownloadToFileAsync(key, path, cancellationToken))
        {
            throw new InvalidOperationException($"object {key} is missing");
        }
    }
}
