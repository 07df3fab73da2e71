using System.Text.Json;
using FaceMesh.Engine;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Cli.Commands;

/// <summary>JSON output of <c>facemesh faces --json</c>: an array with one object per readable image.</summary>
public static class FaceJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<ImageFaces> images)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var image in images)
        {
            json.WriteStartObject();
            json.WriteString("file", image.Path);
            json.WriteNumber("width", image.Width);
            json.WriteNumber("height", image.Height);
            json.WriteStartArray("faces");
            foreach (var face in image.Faces)
            {
                WriteFace(json, face);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    public static void WriteFace(Utf8JsonWriter json, Face face)
    {
        json.WriteStartObject();
        json.WriteFloats("box", face.Box.ToArray());
        json.WriteNumber("score", face.Score);
        json.WriteStartArray("landmarks");
        foreach (var point in face.Landmarks.Points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(point.X);
            json.WriteNumberValue(point.Y);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteQuality(face.Quality);
        json.WriteFloats("descriptor", face.Descriptor);
        json.WriteEndObject();
    }
}
