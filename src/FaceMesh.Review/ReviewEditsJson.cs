using System.Collections.Immutable;
using System.Text.Json;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review;

/// <summary><c>edits.json</c>: the review's decisions and their undo history (schema in README.md).</summary>
public static class ReviewEditsJson
{
    public static byte[] Serialize(ReviewEdits edits)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", ReviewEdits.SchemaVersion);
            WriteBody(json, edits);
            json.WriteStartArray("undo");
            foreach (var step in edits.Undo)
            {
                json.WriteStartObject();
                WriteBody(json, step);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads <c>edits.json</c>; anything unreadable is an <see cref="InvalidDataException"/> saying so.</summary>
    public static ReviewEdits Deserialize(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var version = root.GetProperty("schemaVersion").GetInt32();
            if (version != ReviewEdits.SchemaVersion)
            {
                throw new InvalidDataException($"edits.json: schema {version} is not supported (expected {ReviewEdits.SchemaVersion})");
            }

            return ReadBody(root) with { Undo = [.. root.GetProperty("undo").EnumerateArray().Select(ReadBody)] };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"edits.json is not readable ({e.Message}); restore it or remove it to start the review afresh", e);
        }
    }

    private static void WriteBody(Utf8JsonWriter json, ReviewEdits edits)
    {
        json.WriteNumber("revision", edits.Revision);
        json.WriteNumber("nextPerson", edits.NextPersonNumber);
        json.WriteStartObject("filter");
        json.WriteNumber("minBoxSize", edits.Filter.MinBoxSize);
        json.WriteNumber("minSharpness", edits.Filter.MinSharpness);
        json.WriteNumber("minFrontalness", edits.Filter.MinFrontalness);
        json.WriteEndObject();
        json.WriteStartArray("people");
        foreach (var person in edits.People)
        {
            json.WriteStartObject();
            json.WriteString("id", person.Id);
            if (person.Name is null)
            {
                json.WriteNull("name");
            }
            else
            {
                json.WriteString("name", person.Name);
            }

            json.WriteBoolean("discarded", person.Discarded);
            json.WriteStartArray("anchors");
            foreach (var anchor in person.Anchors)
            {
                json.WriteFloats(null, anchor);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("assignments");
        foreach (var (face, person) in edits.Assignments.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(face, person);
        }

        json.WriteEndObject();
        json.WriteStartArray("discarded");
        foreach (var face in edits.Discarded.Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(face);
        }

        json.WriteEndArray();
    }

    private static ReviewEdits ReadBody(JsonElement body)
    {
        var filter = body.GetProperty("filter");
        var people = body.GetProperty("people").EnumerateArray().Select(p => new EditedPerson(
            p.GetProperty("id").GetString()!,
            p.GetProperty("name").GetString(),
            p.GetProperty("discarded").GetBoolean(),
            [.. p.GetProperty("anchors").EnumerateArray().Select(a => a.EnumerateArray().Select(v => v.GetSingle()).ToArray())]));
        return new ReviewEdits(
            body.GetProperty("revision").GetInt32(),
            [.. people],
            body.GetProperty("assignments").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!),
            [.. body.GetProperty("discarded").EnumerateArray().Select(f => f.GetString()!)],
            new QualityFilter(filter.GetProperty("minBoxSize").GetSingle(), filter.GetProperty("minSharpness").GetSingle(), filter.GetProperty("minFrontalness").GetSingle()),
            body.GetProperty("nextPerson").GetInt32(),
            []);
    }
}
