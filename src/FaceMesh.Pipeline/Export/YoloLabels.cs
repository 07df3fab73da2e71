using System.Globalization;
using System.Text;

namespace FaceMesh.Pipeline.Export;

/// <summary>YOLO detection labels: one line <c>class cx cy w h</c> per clustered face, normalized to the frame.</summary>
public static class YoloLabels
{
    public static string ForFrame(FrameRecord frame, IEnumerable<(FaceRecord Face, int Cluster)> faces)
    {
        var text = new StringBuilder();
        foreach (var (face, cluster) in faces.Where(f => f.Cluster >= 0))
        {
            var left = Math.Clamp(face.Box.Left, 0, frame.Width);
            var right = Math.Clamp(face.Box.Right, 0, frame.Width);
            var top = Math.Clamp(face.Box.Top, 0, frame.Height);
            var bottom = Math.Clamp(face.Box.Bottom, 0, frame.Height);
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0} {1:F6} {2:F6} {3:F6} {4:F6}",
                cluster, (left + right) / 2 / frame.Width, (top + bottom) / 2 / frame.Height, (right - left) / frame.Width, (bottom - top) / frame.Height));
        }

        return text.ToString();
    }

    public static string DataYaml(int people) => DataYaml([.. Enumerable.Range(0, people).Select(DatasetManifest.PersonName)]);

    /// <summary><c>data.yaml</c> with the class names as YAML double-quoted strings (any name a reviewer typed is safe).</summary>
    public static string DataYaml(IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        text.AppendLine("# YOLO dataset written by FaceMesh: one class per person.");
        text.AppendLine("path: .");
        text.AppendLine("train: images");
        text.AppendLine("val: images");
        text.AppendLine(CultureInfo.InvariantCulture, $"nc: {names.Count}");
        text.AppendLine("names:");
        for (var c = 0; c < names.Count; c++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {c}: \"{names[c].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return text.ToString();
    }
}
