using FaceMesh.Engine;
using FaceMesh.Engine.Detection;

namespace FaceMesh.Pipeline.Encoding;

/// <summary>How engine settings are written in manifests and job records, and read back.</summary>
public static class EngineParameters
{
    /// <summary>"int8" or "float32" for the SSD detector; null for the tiny one, which has one precision.</summary>
    public static string? Precision(FaceEngineOptions options) =>
        options.Detector == DetectorKind.Ssd ? options.Precision.ToString().ToLowerInvariant() : null;

    /// <summary>A recorded precision; none recorded means float32, what every engine ran before int8 detection.</summary>
    public static DetectorPrecision ParsePrecision(string? precision) =>
        precision is null ? DetectorPrecision.Float32 : Enum.Parse<DetectorPrecision>(precision, ignoreCase: true);
}
