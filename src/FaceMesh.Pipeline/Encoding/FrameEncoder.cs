using FaceMesh.Engine;
using FaceMesh.Engine.Imaging;
using FaceMesh.Pipeline.Tracking;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Encoding;

/// <summary>
/// Stage 2 in both modes: one sampled frame, as the JPEG the dataset stores, through the face engine, plus a portrait
/// per face. <c>facemesh run</c> and the Encoders both analyse the pixels decoded from that JPEG, so the same footage
/// gives the same boxes and descriptors whichever way it runs, and the dataset's image is exactly what was analysed.
/// </summary>
public sealed class FrameEncoder(FaceEngine engine)
{
    private const int JpegQuality = 92;

    /// <summary>The frame as stored in the dataset (and, distributed, in the work bucket).</summary>
    public static byte[] ToJpeg(RgbImage frame)
    {
        using var bgr = frame.ToBgrMat();
        return bgr.ImEncode(".jpg", [new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality)]);
    }

    /// <summary>Analyses the frame's JPEG; an undecodable one throws <see cref="InvalidImageException"/>.</summary>
    public EncodedFrame Encode(int index, double timeSeconds, byte[] frameJpeg, StageClock? detection = null, StageClock? description = null)
    {
        detection ??= new StageClock();
        description ??= new StageClock();
        var image = ImageDecoder.Decode(frameJpeg, $"frame {index}");
        var detections = detection.Measure(() => engine.DetectFaces(image));
        var faces = description.Measure(() => engine.Describe(image, detections));
        using var bgr = image.ToBgrMat();
        var records = faces.Select((face, i) => new FaceRecord(
            FaceRecord.MakeId(index, i),
            index,
            timeSeconds,
            face.Box,
            face.Landmarks.Points.SelectMany(p => new[] { p.X, p.Y }).ToArray(),
            face.Quality,
            face.Descriptor)).ToList();
        var portraits = faces.Select(face => PortraitCropper.Crop(bgr, face.Box)).ToList();
        return new EncodedFrame(new FrameRecord(index, timeSeconds, image.Width, image.Height), records, frameJpeg, portraits, ShotSignature.Of(bgr));
    }
}
