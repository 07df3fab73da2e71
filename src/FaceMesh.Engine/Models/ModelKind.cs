namespace FaceMesh.Engine.Models;

/// <summary>The converted networks (the SSD detector in float and int8 form) and their file names in the models folder.</summary>
public enum ModelKind
{
    Recognition,
    SsdMobilenetV1,
    SsdMobilenetV1Int8,
    TinyFaceDetector,
    Landmarks68,
}
