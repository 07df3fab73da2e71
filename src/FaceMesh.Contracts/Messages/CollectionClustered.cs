namespace FaceMesh.Contracts.Messages;

/// <summary>Every job of a dataset (collection) is encoded and the whole collection clustered; the Exporter publishes it.</summary>
public record CollectionClustered(string Collection);
