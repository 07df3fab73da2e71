namespace FaceMesh.Pipeline.Export;

/// <summary>The output folder cannot be used as asked; the message says why in one line.</summary>
public sealed class OutputFolderException(string message) : Exception(message);
