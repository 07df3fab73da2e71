using FaceMesh.Engine;

namespace FaceMesh.Cli.Commands;

/// <summary>The faces found in one image file.</summary>
public sealed record ImageFaces(string Path, int Width, int Height, IReadOnlyList<Face> Faces);
