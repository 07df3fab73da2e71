using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaceMesh.Pipeline.Export;

/// <summary>
/// manifest.json as read: the fields a dataset is rebuilt from (derived ones such as <c>people</c>, <c>summary</c>,
/// <c>crop</c> are not read back). Read straight from a stream with the generated serializer, so a collection's
/// manifest of hundreds of megabytes is never held whole or as a document tree.
/// </summary>
internal sealed class ManifestDocument
{
    [JsonRequired]
    public int SchemaVersion { get; set; }

    /// <summary>Schema 1: the one video.</summary>
    public SourceJson? Source { get; set; }

    /// <summary>Schema 2: the videos.</summary>
    public List<SourceJson>? Sources { get; set; }

    [JsonRequired]
    public ParametersJson Parameters { get; set; } = null!;

    [JsonRequired]
    public List<FrameJson> Frames { get; set; } = null!;

    [JsonRequired]
    public List<FaceJson> Faces { get; set; } = null!;
}

internal sealed class SourceJson
{
    [JsonRequired]
    public string File { get; set; } = null!;

    [JsonRequired]
    public int Width { get; set; }

    [JsonRequired]
    public int Height { get; set; }

    [JsonRequired]
    public double FramesPerSecond { get; set; }

    public double? DurationSeconds { get; set; }

    public double? EndedEarlyAtSeconds { get; set; }
}

internal sealed class ParametersJson
{
    public double? TrackIntervalSeconds { get; set; }

    public string? Precision { get; set; }

    public double? ValFraction { get; set; }

    [JsonRequired]
    public double IntervalSeconds { get; set; }

    [JsonRequired]
    public string Detector { get; set; } = null!;

    [JsonRequired]
    public float MinConfidence { get; set; }

    [JsonRequired]
    public int MinFaceSize { get; set; }

    [JsonRequired]
    public int TileSize { get; set; }

    [JsonRequired]
    public string Alignment { get; set; } = null!;

    [JsonRequired]
    public float Eps { get; set; }

    [JsonRequired]
    public int MinSamples { get; set; }

    [JsonRequired]
    public string Models { get; set; } = null!;
}

internal sealed class FrameJson
{
    [JsonRequired]
    public int Index { get; set; }

    /// <summary>Absent in schema 1 (the one video, 0).</summary>
    public int Source { get; set; }

    /// <summary>Absent in schema 1 and from the distributed exporter (one shot).</summary>
    public int Shot { get; set; }

    [JsonRequired]
    public double Time { get; set; }

    [JsonRequired]
    public int Width { get; set; }

    [JsonRequired]
    public int Height { get; set; }

    /// <summary>Only for frames from a folder of images: the image's path in it.</summary>
    public string? Path { get; set; }
}

internal sealed class FaceJson
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    [JsonRequired]
    public int Frame { get; set; }

    [JsonRequired]
    public double Time { get; set; }

    [JsonRequired]
    public float[] Box { get; set; } = null!;

    [JsonRequired]
    [JsonConverter(typeof(PointListConverter))]
    public float[] Landmarks { get; set; } = null!;

    [JsonRequired]
    public QualityJson Quality { get; set; } = null!;

    [JsonRequired]
    public int Cluster { get; set; }

    [JsonRequired]
    public float[] Descriptor { get; set; } = null!;

    /// <summary>Absent in schema 1 and for faces never tracked: -1.</summary>
    public int Track { get; set; } = -1;
}

internal sealed class QualityJson
{
    [JsonRequired]
    public float BoxSize { get; set; }

    [JsonRequired]
    public float Score { get; set; }

    [JsonRequired]
    public float Sharpness { get; set; }

    [JsonRequired]
    public float Frontalness { get; set; }
}

/// <summary>Landmarks as written, <c>[[x, y], ...]</c>, read into one flat array (x0, y0, x1, y1, ...).</summary>
internal sealed class PointListConverter : JsonConverter<float[]>
{
    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray, advance: false);
        var values = new List<float>(136);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray, advance: false);
            Expect(ref reader, JsonTokenType.Number, advance: true);
            values.Add(reader.GetSingle());
            Expect(ref reader, JsonTokenType.Number, advance: true);
            values.Add(reader.GetSingle());
            Expect(ref reader, JsonTokenType.EndArray, advance: true);
        }

        return [.. values];
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options) => writer.WriteFloatArrays(null, value.Chunk(2));

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, bool advance)
    {
        if ((advance && !reader.Read()) || reader.TokenType != token)
        {
            throw new JsonException($"landmarks must be [x, y] pairs (found {reader.TokenType} where {token} belongs).");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ManifestDocument))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
