using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Pipeline.Clustering;

public sealed class ClusteringOptions
{
    public const float DefaultEps = 0.5f;

    /// <summary>
    /// Default 3: at one frame per second, a person on screen for three seconds forms a cluster, while a single stray
    /// detection (a false positive, a passer-by) stays noise.
    /// </summary>
    public const int DefaultMinSamples = 3;

    [Range(0.01, 2.0)]
    public float Eps { get; set; } = DefaultEps;

    [Range(1, 10_000)]
    public int MinSamples { get; set; } = DefaultMinSamples;

    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
