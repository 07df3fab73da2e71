namespace FaceMesh.Contracts.Messages;

/// <summary>Every frame is accounted for and the faces are clustered; the Exporter builds the dataset.</summary>
public record JobClustered(string JobId);
