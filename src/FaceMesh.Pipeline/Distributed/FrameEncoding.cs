using FaceMesh.Contracts.Messages;
using FaceMesh.Contracts.V1;
using FaceMesh.Engine;
using FaceMesh.Engine.Imaging;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Storage;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Stage 2 (in an Encoder): reads a stored frame, runs the face engine, stores a portrait per face and hands the faces
/// to the Clusterer. A frame that cannot be read is reported as failed rather than retried forever.
/// </summary>
public sealed class FrameEncoding(IObjectStore store, IFaceSink sink)
{
    public async Task EncodeAsync(EncodeFrame message, FaceEngine engine, CancellationToken cancellationToken)
    {
        var request = new RecordFrameRequest { JobId = message.JobId, FrameIndex = message.FrameIndex, TimeSeconds = message.TimeSeconds };
        var bytes = await store.GetAsync(message.FrameKey, cancellationToken);
        RgbImage image;
        try
        {
            image = bytes is null ? throw new InvalidImageException($"frame {message.FrameKey} is missing") : ImageDecoder.Decode(bytes, message.FrameKey);
        }
        catch (InvalidImageException e)
        {
            request.Failure = e.Message;
            await sink.RecordFrameAsync(request, cancellationToken);
            return;
        }

        request.Width = image.Width;
        request.Height = image.Height;
        var faces = engine.Analyze(image);
        using var bgr = image.ToBgrMat();
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            var id = FaceRecord.MakeId(message.FrameIndex, i);
            await store.PutBytesAsync(ObjectKeys.Portrait(message.JobId, id), PortraitCropper.Crop(bgr, face.Box), "image/jpeg", cancellationToken);
            var data = new FaceData
            {
                Id = id,
                BoxSize = face.Quality.BoxSize,
                Score = face.Quality.Score,
                Sharpness = face.Quality.Sharpness,
                Frontalness = face.Quality.Frontalness,
            };
            data.Box.Add(face.Box.ToArray());
            data.Landmarks.Add(face.Landmarks.Points.SelectMany(p => new[] { p.X, p.Y }));
            data.Embedding.Add(face.Descriptor);
            request.Faces.Add(data);
        }

        await sink.RecordFrameAsync(request, cancellationToken);
    }

    /// <summary>Reports a frame that kept failing, so the job can still finish without it.</summary>
    public Task ReportFailureAsync(EncodeFrame message, string reason, CancellationToken cancellationToken) =>
        sink.RecordFrameAsync(new RecordFrameRequest { JobId = message.JobId, FrameIndex = message.FrameIndex, TimeSeconds = message.TimeSeconds, Failure = reason }, cancellationToken);
}
