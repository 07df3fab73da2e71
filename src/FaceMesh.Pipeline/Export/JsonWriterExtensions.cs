using System.Text.Json;

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
}
