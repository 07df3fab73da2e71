namespace FaceMesh.Engine.Models;

/// <summary>The face models could not be fetched, verified or converted; the message says what to do.</summary>
public sealed class ModelProvisioningException(string message, Exception? inner = null) : Exception(message, inner);
