namespace FaceMesh.Engine.Models;

/// <summary>The four converted networks and their file names in the models folder.</summary>
public enum ModelKind
{
    Recognition,
    SsdMobilenetV1,
    TinyFaceDetector,
    Landmarks68,
}
