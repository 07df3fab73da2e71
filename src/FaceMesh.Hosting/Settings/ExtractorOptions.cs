using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Hosting.Settings;

/// <summary>Section <c>Extractor</c>: upload limit, where footage waits while it is sampled, retention of finished jobs.</summary>
public sealed class ExtractorOptions
{
    public const string Section = "Extractor";

    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public string ScratchFolder { get; set; } = Path.Combine(Path.GetTempPath(), "facemesh-extractor");

    /// <summary>
    /// Days a finished job keeps its footage, frames and portraits (its state and dataset stay); 0 keeps them for good.
    /// </summary>
    [Range(0, 36_500)]
    public double RetentionDays { get; set; } = 7;
}
