namespace FaceMesh.Pipeline.Tests;

/// <summary>Tests that measure the process (allocations) and so must not run beside others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}
