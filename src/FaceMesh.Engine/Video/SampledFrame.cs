using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Video;

/// <summary>
/// A frame kept by the sampler: its position among kept frames, its timestamp and its pixels at native size; from a
/// folder of images, the image's path relative to the folder.
/// </summary>
public sealed record SampledFrame(int Index, double TimeSeconds, RgbImage Image, string? Path = null);
