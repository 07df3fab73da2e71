using System.Globalization;
using FaceMesh.Engine;

namespace FaceMesh.Cli.Commands;

/// <summary>Human-readable output of <c>facemesh faces</c>.</summary>
public static class FaceTextWriter
{
    public static void Write(TextWriter output, ImageFaces image)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{image.Path} ({image.Width}x{image.Height}): {image.Faces.Count} face(s)");
        for (var i = 0; i < image.Faces.Count; i++)
        {
            var face = image.Faces[i];
            var q = face.Quality;
            output.WriteLine(string.Format(c,
                "  face {0}: box [{1:F1}, {2:F1}, {3:F1}, {4:F1}] score {5:F3} size {6:F0}px sharpness {7:F1} frontalness {8:F2}",
                i + 1, face.Box.Left, face.Box.Top, face.Box.Right, face.Box.Bottom, face.Score, q.BoxSize, q.Sharpness, q.Frontalness));
            output.WriteLine("    landmarks: " + string.Join(' ', face.Landmarks.Points.Select(p => string.Format(c, "{0:F1},{1:F1}", p.X, p.Y))));
            output.WriteLine("    descriptor: " + string.Join(' ', face.Descriptor.Select(v => v.ToString("F4", c))));
        }
    }
}
