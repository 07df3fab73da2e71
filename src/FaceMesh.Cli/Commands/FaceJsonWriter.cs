using System.Text.Json;
using FaceMesh.Engine;

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
        WriteNumbers(json, "box", face.Box.ToArray());
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
        json.WriteStartObject("quality");
        json.WriteNumber("boxSize", face.Quality.BoxSize);
        json.WriteNumber("score", face.Quality.Score);
        json.WriteNumber("sharpness", face.Quality.Sharpness);
        json.WriteNumber("frontalness", face.Quality.Frontalness);
        json.WriteEndObject();
        WriteNumbers(json, "descriptor", face.Descriptor);
        json.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<float> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
