using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// Finds faces in regions of an image, one batched run for all regions; returns one list per region, boxes in the
/// image's pixels, suppressed within their region.
/// </summary>
public interface IFaceDetector
{
    IReadOnlyList<IReadOnlyList<FaceDetection>> Detect(RgbImage image, IReadOnlyList<PixelRect> regions, float minConfidence);
}
