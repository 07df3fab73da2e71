namespace FaceMesh.Engine.Video;

/// <summary>The input is not footage FaceMesh can read; the message says why in one line.</summary>
public sealed class InvalidVideoException(string message) : Exception(message);
