using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// Finds faces in regions of an image, one batched run for all regions, returning one list per region, boxes in the
/// image's pixels, suppressed within their region; or in one region at a chosen scale (<see cref="ScaledPass"/>).
/// </summary>
public interface IFaceDetector
{
    /// <summary>The side of the square input each region is resized to.</summary>
    int InputSide { get; }

    IReadOnlyList<IReadOnlyList<FaceDetection>> Detect(RgbImage image, IReadOnlyList<PixelRect> regions, float minConfidence);

    /// <summary>Detects on one <see cref="ScaledPass"/>: boxes in the image's pixels, suppressed as a region's are.</summary>
    IReadOnlyList<FaceDetection> Detect(RgbImage image, ScaledPass pass, float minConfidence);
}
