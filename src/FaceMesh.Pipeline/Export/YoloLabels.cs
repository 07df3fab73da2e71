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

    public static string DataYaml(int people, string? datasetPath) => DataYaml([.. Enumerable.Range(0, people).Select(DatasetManifest.PersonName)], datasetPath);

    /// <summary>
    /// <c>data.yaml</c>: <c>path</c> the dataset's absolute folder (Ultralytics resolves a relative one against the
    /// current folder, not the file's; null writes <c>.</c> for a dataset whose folder is not known yet, to be set with
    /// <see cref="WithPath"/>), train and val the split's image lists, the class names as YAML double-quoted strings
    /// (any name a reviewer typed is safe).
    /// </summary>
    public static string DataYaml(IReadOnlyList<string> names, string? datasetPath)
    {
        var text = new StringBuilder();
        text.AppendLine("# YOLO dataset written by FaceMesh: one class per person.");
        text.AppendLine(CultureInfo.InvariantCulture, $"path: {Quoted(datasetPath is null ? "." : Path.GetFullPath(datasetPath))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"train: {DatasetPaths.TrainList}");
        text.AppendLine(CultureInfo.InvariantCulture, $"val: {DatasetPaths.ValList}");
        text.AppendLine(CultureInfo.InvariantCulture, $"nc: {names.Count}");
        text.AppendLine("names:");
        for (var c = 0; c < names.Count; c++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {c}: {Quoted(names[c])}");
        }

        return text.ToString();
    }

    /// <summary>The same <c>data.yaml</c> pointing at <paramref name="datasetPath"/>: for a dataset fetched or moved.</summary>
    public static string WithPath(string dataYaml, string datasetPath) => string.Join('\n', dataYaml.Split('\n')
        .Select(line => line.StartsWith("path: ", StringComparison.Ordinal) ? $"path: {Quoted(Path.GetFullPath(datasetPath))}" : line));

    /// <summary>A YAML double-quoted string.</summary>
    private static string Quoted(string value) =>
        $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    /// <summary>
    /// Writes <c>train.txt</c> and <c>val.txt</c> (<see cref="TrainValSplit"/>) into <paramref name="root"/>; a manifest
    /// that records no fraction gets <see cref="TrainValSplit.DefaultValFraction"/>.
    /// </summary>
    public static void WriteSplit(string root, IReadOnlyList<FrameRecord> frames, double? valFraction)
    {
        var val = TrainValSplit.ValFrames(frames, valFraction ?? TrainValSplit.DefaultValFraction);
        File.WriteAllText(Path.Combine(root, DatasetPaths.TrainList), TrainValSplit.ImageList(frames.Where(f => !val.Contains(f.Index))));
        File.WriteAllText(Path.Combine(root, DatasetPaths.ValList), TrainValSplit.ImageList(frames.Where(f => val.Contains(f.Index))));
    }
}
