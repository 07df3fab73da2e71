using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 4 (in the Exporter): builds the dataset with the very exporter <c>facemesh run</c> uses, in a local staging
/// folder, and uploads it under the job's prefix in the datasets bucket, <c>manifest.json</c> last (its presence
/// means the dataset is complete). Running it twice uploads the same objects again.
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
            var frames = new List<FrameRecord>();
            var faces = new Dictionary<string, FaceRecord>();
            foreach (var index in state.FramesDone.Order())
            {
                var frame = (await JobJson.ReadAsync<FrameFacesDocument>(work, ObjectKeys.FrameFaces(jobId, index), cancellationToken))!;
                var record = new FrameRecord(frame.FrameIndex, frame.TimeSeconds, frame.Width, frame.Height);
                frames.Add(record);
                await File.WriteAllBytesAsync(Path.Combine(images, record.FileName), await Required(ObjectKeys.Frame(jobId, index), cancellationToken), cancellationToken);
                foreach (var face in frame.Faces)
                {
                    faces[face.Id] = FrameLedger.ToRecord(frame, face);
                    await File.WriteAllBytesAsync(Path.Combine(portraits, $"{face.Id}.jpg"), await Required(ObjectKeys.Portrait(jobId, face.Id), cancellationToken), cancellationToken);
                }
            }

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
                .OrderBy(f => f == DatasetPaths.Manifest ? 1 : 0)
                .ToList();
            foreach (var file in files)
            {
                await using var stream = File.OpenRead(Path.Combine(staging, file));
                await datasets.PutAsync($"{jobId}/{file}", stream, stream.Length, file.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "text/plain", cancellationToken);
            }

            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private async Task<byte[]> Required(string key, CancellationToken cancellationToken) =>
        await work.GetAsync(key, cancellationToken) ?? throw new InvalidOperationException($"object {key} is missing");
}
