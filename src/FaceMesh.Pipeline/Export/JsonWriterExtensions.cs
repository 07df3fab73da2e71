using System.Text.Json;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Pipeline.Export;

public static class JsonWriterExtensions
{
    /// <summary>Writes a float array, as a property when <paramref name="name"/> is given, else as an array value.</summary>
    public static void WriteFloats(this Utf8JsonWriter json, string? name, IEnumerable<float> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The <c>quality</c> object, as the manifest and <c>facemesh faces --json</c> both write it.</summary>
    public static void WriteQuality(this Utf8JsonWriter json, FaceQuality quality)
    {
        json.WriteStartObject("quality");
        json.WriteNumber("boxSize", quality.BoxSize);
        json.WriteNumber("score", quality.Score);
        json.WriteNumber("sharpness", quality.Sharpness);
        json.WriteNumber("frontalness", quality.Frontalness);
        json.WriteEndObject();
    }
}
