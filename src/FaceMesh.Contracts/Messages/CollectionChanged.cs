namespace FaceMesh.Contracts.Messages;

/// <summary>A job left a collection or was cancelled: the Clusterer looks again whether the rest can be clustered.</summary>
public record CollectionChanged(string Collection);
