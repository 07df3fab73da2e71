using System.CommandLine;
using FaceMesh.Pipeline.Clustering;

namespace FaceMesh.Cli.Commands;

/// <summary>The DBSCAN options shared by <c>run</c> and <c>recluster</c>.</summary>
public static class ClusteringOptionsCli
{
    public static Option<float> Eps { get; } = new Option<float>("--eps")
    {
        Description = "DBSCAN radius in descriptor space (same person: under ~0.5).",
        DefaultValueFactory = _ => ClusteringOptions.DefaultEps,
    }.InRangeOf<ClusteringOptions, float>(nameof(ClusteringOptions.Eps));

    public static Option<int> MinSamples { get; } = new Option<int>("--min-samples")
    {
        Description = "Faces within eps (itself included) that make a core point; 3 suits one frame per second.",
        DefaultValueFactory = _ => ClusteringOptions.DefaultMinSamples,
    }.InRangeOf<ClusteringOptions, int>(nameof(ClusteringOptions.MinSamples));

    public static ClusteringOptions From(ParseResult result) =>
        new() { Eps = result.GetValue(Eps), MinSamples = result.GetValue(MinSamples) };
}
