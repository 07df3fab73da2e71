using FaceMesh.Contracts.V1;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Distributed;
using Google.Protobuf;

namespace FaceMesh.Hosting.Grpc;

/// <summary>The one mapping between <see cref="FrameOutcome"/> and the FaceSink's wire messages, used by both its ends.</summary>
public static class FrameOutcomeMessages
{
    public static RecordFrameRequest ToRequest(FrameOutcome frame)
    {
        var request = new RecordFrameRequest
        {
            JobId = frame.JobId,
            FrameIndex = frame.FrameIndex,
            TimeSeconds = frame.TimeSeconds,
            Width = frame.Width,
            Height = frame.Height,
            Failure = frame.Failure ?? string.Empty,
            ShotSignature = frame.ShotSignature is { } signature ? ByteString.CopyFrom(signature) : ByteString.Empty,
        };
        if (frame.Engine is { } e)
        {
            request.Engine = new EngineSettings { Detector = e.Detector, MinConfidence = e.MinConfidence, MinFaceSize = e.MinFaceSize, TileSize = e.TileSize, Alignment = e.Alignment, Models = e.Models, Precision = e.Precision ?? string.Empty };
        }

        foreach (var face in frame.Faces)
        {
            var data = new FaceData { Id = face.Id, BoxSize = face.Quality.BoxSize, Score = face.Quality.Score, Sharpness = face.Quality.Sharpness, Frontalness = face.Quality.Frontalness };
            data.Box.Add(face.Box.ToArray());
            data.Landmarks.Add(face.Landmarks);
            data.Embedding.Add(face.Descriptor);
            request.Faces.Add(data);
        }

        return request;
    }

    public static FrameOutcome FromRequest(RecordFrameRequest request) => new(
        request.JobId,
        request.FrameIndex,
        request.TimeSeconds,
        request.Width,
        request.Height,
        request.Faces.Select(f => new FaceRecord(
            f.Id,
            request.FrameIndex,
            request.TimeSeconds,
            f.Box.Count == 4 ? new BoxF(f.Box[0], f.Box[1], f.Box[2], f.Box[3]) : throw new ArgumentException($"face {f.Id}: a box has 4 numbers"),
            [.. f.Landmarks],
            new FaceQuality(f.BoxSize, f.Score, f.Sharpness, f.Frontalness),
            [.. f.Embedding])).ToList(),
        request.Engine is { } e ? new EngineDocument(e.Detector, e.MinConfidence, e.MinFaceSize, e.TileSize, e.Alignment, e.Models, string.IsNullOrEmpty(e.Precision) ? null : e.Precision) : null,
        string.IsNullOrEmpty(request.Failure) ? null : request.Failure,
        request.ShotSignature.IsEmpty ? null : request.ShotSignature.ToByteArray());

    public static RecordFrameReply ToReply(LedgerProgress progress) => new() { FramesDone = progress.FramesDone, FramesTotal = progress.FramesTotal };
}
