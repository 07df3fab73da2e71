using System.Globalization;
using System.Text;
using System.Text.Json;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Pipeline.Export;

public static class JsonWriterExtensions
{
    /// <summary>
    /// Writes a float array (shortest round-trip form), as a property when <paramref name="name"/> is given, else as an
    /// array value. On one line even in an indented document: a manifest holds 264 floats per face, and one per line
    /// made it three times larger.
    /// </summary>
    public static void WriteFloats(this Utf8JsonWriter json, string? name, IEnumerable<float> values) =>
        json.WriteRaw(name, Append(new StringBuilder(), values).ToString());

    /// <summary>An array of float arrays (landmark points), on one line like <see cref="WriteFloats"/>.</summary>
    public static void WriteFloatArrays(this Utf8JsonWriter json, string? name, IEnumerable<float[]> arrays)
    {
        var text = new StringBuilder("[");
        foreach (var array in arrays)
        {
            Append(text.Append(text.Length > 1 ? "," : string.Empty), array);
        }

        json.WriteRaw(name, text.Append(']').ToString());
    }

    private static StringBuilder Append(StringBuilder text, IEnumerable<float> values)
    {
        text.Append('[');
        var first = true;
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"{value} cannot be written as a JSON number.", nameof(values));
            }

            text.Append(first ? string.Empty : ",").Append(value.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        return text.Append(']');
    }

    private static void WriteRaw(this Utf8JsonWriter json, string? name, string value)
    {
        if (name is not null)
        {
            json.WritePropertyName(name);
        }

        json.WriteRawValue(value, skipInputValidation: true);
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
