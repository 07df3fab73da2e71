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
        var faces = Describe(image, detection, description);
        using var bgr = image.ToBgrMat();
        var portraits = faces.Select(face => PortraitCropper.Crop(bgr, face.Box)).ToList();
        return new EncodedFrame(new FrameRecord(index, timeSeconds, image.Width, image.Height), Records(index, timeSeconds, faces), frameJpeg, portraits, ShotSignature.Of(bgr));
    }

    /// <summary>
    /// Finds and describes the faces of decoded pixels and takes the shot signature, storing nothing (no JPEG, no
    /// portraits): for frames decoded only to link tracks between the dataset's frames.
    /// </summary>
    public EncodedFrame Analyse(int index, double timeSeconds, RgbImage image, StageClock detection, StageClock description)
    {
        var faces = Describe(image, detection, description);
        using var bgr = image.ToBgrMat();
        return new EncodedFrame(new FrameRecord(index, timeSeconds, image.Width, image.Height), Records(index, timeSeconds, faces), [], [], ShotSignature.Of(bgr));
    }

    private IReadOnlyList<Face> Describe(RgbImage image, StageClock detection, StageClock description)
    {
        var detections = detection.Measure(() => engine.DetectFaces(image));
        return detections.Count == 0 ? [] : description.Measure(() => engine.Describe(image, detections));
    }

    private static List<FaceRecord> Records(int index, double timeSeconds, IReadOnlyList<Face> faces) => faces.Select((face, i) => new FaceRecord(
        FaceRecord.MakeId(index, i),
        index,
        timeSeconds,
        face.Box,
        face.Landmarks.Points.SelectMany(p => new[] { p.X, p.Y }).ToArray(),
        face.Quality,
        face.Descriptor)).ToList();
}
