using FaceMesh.Contracts.Messages;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Storage;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>
/// A job taken through sampling and encoding as the services would leave it in the work bucket: its stored footage,
/// a frame and a portrait per frame, one face each, recorded by the Clusterer's ledger and clustered.
/// </summary>
public static class RecordedJob
{
    public static readonly EngineDocument DefaultSettings = new("ssd", 0.5f, 16, 720, "rotated", "m");

    public static async Task WriteAsync(IObjectStore work, RecordingBus bus, string jobId, int frames, EngineDocument? settings = null)
    {
        settings ??= DefaultSettings;
        await StoredJob.WriteAsync(work, jobId, state: JobStates.Encoding, framesSampled: frames, framesTotal: frames);
        await work.PutTextAsync(ObjectKeys.Footage(jobId, "clip.mp4"), "footage");
        var ledger = new FrameLedger(work, bus);
        await ledger.FootageSampledAsync(new FootageSampled(jobId, frames, "clip.mp4", 160, 120, 10, frames / 2.0, 0.5, settings.Detector, 0.45f, 2), CancellationToken.None);
        using var image = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(128));
        var jpeg = image.ImEncode(".jpg");
        for (var index = 0; index < frames; index++)
        {
            await work.PutBytesAsync(ObjectKeys.Frame(jobId, index), jpeg, "image/jpeg");
            var face = new FaceRecord(FaceRecord.MakeId(index, 0), index, index * 0.5, new BoxF(40, 30, 80, 70),
                new float[136], new FaceQuality(40, 0.9f, 100, 1), Enumerable.Repeat(0.05f, 128).ToArray());
            await work.PutBytesAsync(ObjectKeys.Portrait(jobId, face.Id), jpeg, "image/jpeg");
            await ledger.RecordFrameAsync(new FrameOutcome(jobId, index, index * 0.5, 160, 120, [face], settings, null), CancellationToken.None);
        }

        Assert.Contains(bus.Clustered, c => c.JobId == jobId);
    }

    /// <summary>The same job taken to its end: listed, its dataset published (with review edits), Done at <paramref name="finishedAt"/>.</summary>
    public static async Task WriteFinishedAsync(IObjectStore work, IObjectStore datasets, RecordingBus bus, string jobId, DateTimeOffset finishedAt)
    {
        await WriteAsync(work, bus, jobId, frames: 3);
        await new JobCatalog(work, "datasets").AddToIndexAsync(jobId, CancellationToken.None);
        await new DatasetPublishing(work, datasets).PublishAsync(jobId, CancellationToken.None);
        await datasets.PutTextAsync($"{jobId}/{DatasetPaths.Edits}", "{}");
        await JobJson.WriteAsync(work, ObjectKeys.ExporterState(jobId), new ExporterState(jobId, JobStates.Done, null, "datasets", $"{jobId}/", finishedAt));
    }
}
