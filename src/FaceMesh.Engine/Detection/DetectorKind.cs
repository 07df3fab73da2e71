namespace FaceMesh.Engine.Detection;

public enum DetectorKind
{
    /// <summary>SSD-MobileNetV1: accurate, the default.</summary>
    Ssd,

    /// <summary>Tiny YOLOv2-style detector: several times cheaper, misses more small and turned faces.</summary>
    Tiny,
}
