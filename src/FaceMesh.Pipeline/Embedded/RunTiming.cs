namespace FaceMesh.Pipeline.Embedded;

/// <summary>Where a run's time goes, stage by stage (CPU time summed over threads for the parallel stages).</summary>
internal sealed class RunTiming
{
    public StageClock Decoding { get; } = new();

    public StageClock Detection { get; } = new();

    public StageClock Description { get; } = new();

    public StageClock Clustering { get; } = new();

    public StageClock Export { get; } = new();
}
