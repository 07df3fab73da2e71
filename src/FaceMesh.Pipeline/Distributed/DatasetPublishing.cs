using FaceMesh.Engine.Models;
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
            var frames = documents.Select(d => new FrameRecord(d.FrameIndex, d.TimeSeconds, d.Width, d.Height, 0, clusters.Shots?.GetValueOrDefault(d.FrameIndex) ?? 0)).ToList();
            var faces = documents.SelectMany(d => d.Faces.Select(f => FrameLedger.ToRecord(d, f))).ToDictionary(f => f.Id);
            var tracks = clusters.Tracks ?? [.. clusters.FaceIds.Select(_ => -1)];

            var manifest = new DatasetManifest(
                [new SourceInfo(source.File, source.Width, source.Height, source.FramesPerSecond, source.DurationSeconds)],
                Parameters(source, documents),
                frames,
                clusters.FaceIds.Select((id, i) => faces[id] with { Track = tracks[i] }).ToList(),
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
                defaults.Alignment.ToString().ToLowerInvariant(), ModelFolder.Release);
        }

        return new RunParameters(source.IntervalSeconds, engine.Detector, engine.MinConfidence, engine.MinFaceSize, engine.TileSize, engine.Alignment,
            source.Eps, source.MinSamples, engine.Models);
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
