namespace FaceMesh.Engine.Imaging;

/// <summary>The input is not an image FaceMesh can read; the message says why in one line.</summary>
public sealed class InvalidImageException(string message) : Exception(message);
