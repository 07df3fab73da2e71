using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Pipeline.Distributed;
using FaceMesh.Pipeline.Review;
using FaceMesh.Pipeline.Storage;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>
/// A job taken through sampling and encoding as the services would leave it in the work bucket: its stored footage,
/// a frame and a portrait per frame, one face each, recorded by the Clusterer's ledger and clustered.
/// </summary>
public static class RecordedJob
{
    public static readonly EngineSettings DefaultSettings = new() { Detector = "ssd", MinConfidence = 0.5f, MinFaceSize = 16, TileSize = 720, Alignment = "rotated", Models = "m" };

    public static async Task WriteAsync(IObjectStore work, RecordingBus bus, string jobId, int frames, EngineSettings? settings = null)
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
            var face = new FaceData { Id = FaceRecord.MakeId(index, 0), BoxSize = 40, Score = 0.9f, Sharpness = 100, Frontalness = 1 };
            face.Box.Add([40, 30, 80, 70]);
            face.Landmarks.Add(new float[136]);
            face.Embedding.Add(Enumerable.Repeat(0.05f, 128));
            await work.PutBytesAsync(ObjectKeys.Portrait(jobId, face.Id), jpeg, "image/jpeg");
            var request = new RecordFrameRequest { JobId = jobId, FrameIndex = index, TimeSeconds = index * 0.5, Width = 160, Height = 120, Engine = settings };
            request.Faces.Add(face);
            await ledger.RecordFrameAsync(request, CancellationToken.None);
        }

        Assert.Contains(bus.Clustered, c => c.JobId == jobId);
    }

    /// <summary>The same job taken to its end: listed, its dataset published (with review edits), Done at <paramref name="finishedAt"/>.</summary>
    public static async Task WriteFinishedAsync(IObjectStore work, IObjectStore datasets, RecordingBus bus, string jobId, DateTimeOffset finishedAt)
    {
        await WriteAsync(work, bus, jobId, frames: 3);
        await new JobCatalog(work, "datasets").AddToIndexAsync(jobId, CancellationToken.None);
        await new DatasetPublishing(work, datasets).PublishAsync(jobId, CancellationToken.None);
        await datasets.PutTextAsync($"{jobId}/{ReviewSession.EditsFile}", "{}");
        await JobJson.WriteAsync(work, ObjectKeys.ExporterState(jobId), new ExporterState(jobId, JobStates.Done, null, "datasets", $"{jobId}/", finishedAt));
    }
}
