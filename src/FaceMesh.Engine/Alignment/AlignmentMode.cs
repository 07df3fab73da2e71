namespace FaceMesh.Engine.Alignment;

public enum AlignmentMode
{
    /// <summary>Rotate so the eyes are level, then cut face-api.js's dlib-style box: a similarity transform to the chip.</summary>
    Rotated,

    /// <summary>face-api.js's axis-aligned square crop around the eyes and mouth, padded and resized.</summary>
    Square,
}
