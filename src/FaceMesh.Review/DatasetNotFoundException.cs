namespace FaceMesh.Review;

/// <summary>The folder or bucket prefix under review holds no manifest (yet).</summary>
public sealed class DatasetNotFoundException(string message) : Exception(message);
