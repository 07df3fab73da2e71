using System.Text.Json;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review.Labelled;

/// <summary>Detection exports (YOLO, COCO): the frames that hold an exported face, with a box per exported face.</summary>
public static class LabelledDetections
{
    public const string CocoFile = "annotations.json";

    public static void WriteYolo(string datasetFolder, string staging, string destination, DatasetManifest manifest, IReadOnlyList<LabelledClass> classes, CancellationToken cancellationToken)
    {
        var (frames, classOf) = Frames(manifest, classes);
        var labels = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Labels)).FullName;
        foreach (var (frame, faces) in frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyFrame(datasetFolder, staging, frame);
            var text = YoloLabels.ForFrame(frame, faces.Select(i => (manifest.Faces[i], classOf[i])));
            File.WriteAllText(Path.Combine(labels, Path.ChangeExtension(frame.FileName, ".txt")), text);
        }

        YoloLabels.WriteSplit(staging, [.. frames.Select(f => f.Frame)], manifest.Parameters.ValFraction);
        File.WriteAllText(Path.Combine(staging, DatasetPaths.DataYaml), YoloLabels.DataYaml([.. classes.Select(c => c.Name)], destination));
    }

    public static void WriteCoco(string datasetFolder, string staging, DatasetManifest manifest, IReadOnlyList<LabelledClass> classes, CancellationToken cancellationToken)
    {
        var (frames, classOf) = Frames(manifest, classes);
        using var stream = File.Create(Path.Combine(staging, CocoFile));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("info");
        json.WriteString("description", $"FaceMesh export of {string.Join(", ", manifest.Sources.Select(s => s.File))}");
        json.WriteEndObject();
        json.WriteStartArray("images");
        foreach (var ((frame, _), id) in frames.Select((f, k) => (f, k + 1)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyFrame(datasetFolder, staging, frame);
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("file_name", $"{DatasetPaths.Images}/{frame.FileName}");
            json.WriteNumber("width", frame.Width);
            json.WriteNumber("height", frame.Height);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("annotations");
        var annotation = 0;
        foreach (var ((frame, faces), imageId) in frames.Select((f, k) => (f, k + 1)))
        {
            foreach (var i in faces)
            {
                var box = manifest.Faces[i].Box;
                var left = Math.Clamp(box.Left, 0, frame.Width);
                var top = Math.Clamp(box.Top, 0, frame.Height);
                var width = Math.Clamp(box.Right, 0, frame.Width) - left;
                var height = Math.Clamp(box.Bottom, 0, frame.Height) - top;
                json.WriteStartObject();
                json.WriteNumber("id", ++annotation);
                json.WriteNumber("image_id", imageId);
                json.WriteNumber("category_id", classOf[i] + 1);
                json.WriteFloats("bbox", [left, top, width, height]);
                json.WriteNumber("area", width * height);
                json.WriteNumber("iscrowd", 0);
                json.WriteString("face_id", manifest.Faces[i].Id);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (var labelledClass in classes)
        {
            json.WriteStartObject();
            json.WriteNumber("id", labelledClass.Index + 1);
            json.WriteString("name", labelledClass.Name);
            json.WriteString("supercategory", "face");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (List<(FrameRecord Frame, List<int> Faces)> Frames, Dictionary<int, int> ClassOf) Frames(DatasetManifest manifest, IReadOnlyList<LabelledClass> classes)
    {
        var classOf = classes.SelectMany(c => c.Faces.Select(f => (f, c.Index))).ToDictionary(x => x.f, x => x.Index);
        var byFrame = classOf.Keys.Order().ToLookup(i => manifest.Faces[i].Frame);
        var frames = manifest.Frames.Where(f => byFrame[f.Index].Any()).Select(f => (f, byFrame[f.Index].ToList())).ToList();
        return (frames, classOf);
    }

    private static void CopyFrame(string datasetFolder, string staging, FrameRecord frame)
    {
        var images = Directory.CreateDirectory(Path.Combine(staging, DatasetPaths.Images)).FullName;
        File.Copy(Path.Combine(datasetFolder, DatasetPaths.Images, frame.FileName), Path.Combine(images, frame.FileName));
    }
}
