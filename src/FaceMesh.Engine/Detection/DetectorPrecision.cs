namespace FaceMesh.Engine.Detection;

/// <summary>The arithmetic the SSD detector runs in.</summary>
public enum DetectorPrecision
{
    /// <summary>8-bit convolutions (ONNX Runtime's int8 kernels).</summary>
    Int8,

    /// <summary>32-bit float, as face-api.js computes.</summary>
    Float32,
}
