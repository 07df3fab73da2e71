using FaceMesh.Engine;
using FaceMesh.Engine.Video;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Encoding;

/// <summary>Stage 2: one sampled frame through the face engine, plus the frame and portrait JPEGs the dataset needs.</summary>
public sealed class FrameEncoder(FaceEngine engine)
{
    public EncodedFrame Encode(SampledFrame frame, StageClock? detection = null, StageClock? description = null)
    {
        detection ??= new StageClock();
        description ??= new StageClock();
        var detections = detection.Measure(() => engine.DetectFaces(frame.Image));
        var faces = description.Measure(() => engine.Describe(frame.Image, detections));
        using var bgr = frame.Image.ToBgrMat();
        var records = faces.Select((face, i) => new FaceRecord(
            FaceRecord.MakeId(frame.Index, i),
            frame.Index,
            frame.TimeSeconds,
            face.Box,
            face.Landmarks.Points.Select(p => new[] { p.X, p.Y }).ToArray(),
            face.Quality,
            face.Descriptor)).ToList();
        var portraits = faces.Select(face => PortraitCropper.Crop(bgr, face.Box)).ToList();
        var jpeg = bgr.ImEncode(".jpg", [new ImageEncodingParam(ImwriteFlags.JpegQuality, 92)]);
        return new EncodedFrame(new FrameRecord(frame.Index, frame.TimeSeconds, frame.Image.Width, frame.Image.Height), records, jpeg, portraits);
    }
}
