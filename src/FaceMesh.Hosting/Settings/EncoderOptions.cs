using System.ComponentModel.DataAnnotations;
using FaceMesh.Engine.Detection;

namespace FaceMesh.Hosting.Settings;

/// <summary>Section <c>Encoder</c>: engines (frames encoded at once) and where the Clusterer listens.</summary>
public sealed class EncoderOptions
{
    public const string Section = "Encoder";

    [Range(1, 256)]
    public int Engines { get; set; } = Environment.ProcessorCount;

    [Required]
    [Url]
    public string ClustererUrl { get; set; } = string.Empty;

    public string ModelsPath { get; set; } = string.Empty;

    /// <summary>The SSD detector's arithmetic (int8 by default; Float32 for face-api.js's own).</summary>
    public DetectorPrecision Precision { get; set; } = DetectorPrecision.Int8;
}
