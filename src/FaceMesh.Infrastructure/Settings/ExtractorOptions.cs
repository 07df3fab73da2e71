using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Infrastructure.Settings;

/// <summary>Section <c>Extractor</c>: upload limit and where footage waits while it is sampled.</summary>
public sealed class ExtractorOptions
{
    public const string Section = "Extractor";

    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public string ScratchFolder { get; set; } = Path.Combine(Path.GetTempPath(), "facemesh-extractor");
}
