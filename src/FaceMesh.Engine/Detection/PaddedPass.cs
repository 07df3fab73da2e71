using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// A second detection pass for images a face fills: SSD-MobileNet was trained on faces with context around them, and
/// a tight crop (a thumbnail, an exported portrait, a folder of face crops) gives it none. The image is placed on a
/// canvas of its mean colour, padded by a fraction of its longer side on every side, and detected whole; boxes are
/// mapped back to the image and may extend past its edges (the face's true extent).
/// </summary>
public static class PaddedPass
{
    /// <summary>Images larger than this on their longer side are photos with context or tiled frames: no second pass.</summary>
    public const int MaxSide = 900;

    /// <summary>Wider than this (width / height) is a landscape frame (4:3, 16:9 footage), not a face crop.</summary>
    public const float MaxAspect = 1.25f;

    /// <summary>
    /// Only for square or portrait images up to <see cref="MaxSide"/> in which the normal pass found nothing: footage
    /// frames, and images with faces found, cost what they did before.
    /// </summary>
    public static bool Applies(RgbImage image, IReadOnlyCollection<FaceDetection> found, float padding) =>
        padding > 0 && found.Count == 0 && Math.Max(image.Width, image.Height) <= MaxSide && image.Width <= MaxAspect * image.Height;

    public static IReadOnlyList<FaceDetection> Detect(IFaceDetector detector, RgbImage image, float padding, float minConfidence)
    {
        var pad = (int)MathF.Round(Math.Max(image.Width, image.Height) * padding);
        var canvas = ImageCanvas.Pad(image, pad);
        return detector.Detect(canvas, [new PixelRect(0, 0, canvas.Width, canvas.Height)], minConfidence)[0]
            .Select(d => d with { Box = d.Box.Offset(-pad, -pad) })
            .ToList();
    }
}
