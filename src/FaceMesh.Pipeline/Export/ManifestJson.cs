using System.Text.Json;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;

namespace FaceMesh.Pipeline.Export;

/// <summary>
/// Writes <c>manifest.json</c> (schema 2) and reads schemas 1 (one video, <c>source</c>) and 2 (a collection,
/// <c>sources</c>), with Utf8JsonWriter/JsonDocument: no reflection, trim-safe.
/// </summary>
public static class ManifestJson
{
    public static void Write(Stream output, DatasetManifest manifest)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", DatasetManifest.SchemaVersion);
        json.WriteStartArray("sources");
        for (var i = 0; i < manifest.Sources.Count; i++)
        {
            var source = manifest.Sources[i];
            json.WriteStartObject();
            json.WriteNumber("id", i);
            json.WriteString("file", source.File);
            json.WriteNumber("width", source.Width);
            json.WriteNumber("height", source.Height);
            json.WriteNumber("framesPerSecond", source.FramesPerSecond);
            if (source.DurationSeconds is { } duration)
            {
                json.WriteNumber("durationSeconds", duration);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        var p = manifest.Parameters;
        json.WriteStartObject("parameters");
        json.WriteNumber("intervalSeconds", p.IntervalSeconds);
        json.WriteString("detector", p.Detector);
        json.WriteNumber("minConfidence", p.MinConfidence);
        json.WriteNumber("minFaceSize", p.MinFaceSize);
        json.WriteNumber("tileSize", p.TileSize);
        json.WriteString("alignment", p.Alignment);
        json.WriteNumber("eps", p.Eps);
        json.WriteNumber("minSamples", p.MinSamples);
        json.WriteString("models", p.Models);
        json.WriteEndObject();

        json.WriteStartObject("summary");
        json.WriteNumber("videos", manifest.Sources.Count);
        json.WriteNumber("frames", manifest.Frames.Count);
        json.WriteNumber("faces", manifest.Faces.Count);
        json.WriteNumber("people", manifest.PeopleCount);
        json.WriteNumber("noise", manifest.NoiseCount);
        json.WriteEndObject();

        json.WriteStartArray("people");
        foreach (var group in manifest.Clusters.Where(c => c >= 0).GroupBy(c => c).OrderBy(g => g.Key))
        {
            json.WriteStartObject();
            json.WriteNumber("cluster", group.Key);
            json.WriteString("name", DatasetManifest.PersonName(group.Key));
            json.WriteNumber("faces", group.Count());
            json.WriteString("montage", $"{DatasetPaths.Montages}/{DatasetManifest.PersonName(group.Key)}.jpg");
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("frames");
        foreach (var frame in manifest.Frames)
        {
            json.WriteStartObject();
            json.WriteNumber("index", frame.Index);
            json.WriteNumber("source", frame.Source);
            json.WriteNumber("time", frame.TimeSeconds);
            json.WriteString("file", $"{DatasetPaths.Images}/{frame.FileName}");
            json.WriteNumber("width", frame.Width);
            json.WriteNumber("height", frame.Height);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var frames = manifest.Frames.ToDictionary(f => f.Index);
        json.WriteStartArray("faces");
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            WriteFace(json, manifest, i, frames);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static DatasetManifest Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <param name="origin">Where the bytes came from, for error messages.</param>
    public static DatasetManifest Read(byte[] bytes, string origin)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var version = root.GetProperty("schemaVersion").GetInt32();
        if (version is not (1 or DatasetManifest.SchemaVersion))
        {
            throw new InvalidDataException($"{origin}: manifest schema {version} is not supported (expected 1 or {DatasetManifest.SchemaVersion}).");
        }

        // Schema 1 had one video, "source"; its frames carry no source index (0 is that video).
        List<SourceInfo> sources = version == 1
            ? [ReadSource(root.GetProperty("source"))]
            : [.. root.GetProperty("sources").EnumerateArray().Select(ReadSource)];
        var p = root.GetProperty("parameters");
        var parameters = new RunParameters(
            p.GetProperty("intervalSeconds").GetDouble(), p.GetProperty("detector").GetString()!, p.GetProperty("minConfidence").GetSingle(),
            p.GetProperty("minFaceSize").GetInt32(), p.GetProperty("tileSize").GetInt32(), p.GetProperty("alignment").GetString()!,
            p.GetProperty("eps").GetSingle(), p.GetProperty("minSamples").GetInt32(), p.GetProperty("models").GetString()!);
        var frames = root.GetProperty("frames").EnumerateArray().Select(f => new FrameRecord(
            f.GetProperty("index").GetInt32(), f.GetProperty("time").GetDouble(), f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32(),
            f.TryGetProperty("source", out var source) ? source.GetInt32() : 0)).ToList();
        if (frames.FirstOrDefault(f => f.Source < 0 || f.Source >= sources.Count) is { } orphan)
        {
            throw new InvalidDataException($"{origin}: frame {orphan.Index} names source {orphan.Source}, which the manifest does not list.");
        }
        var faces = new List<FaceRecord>();
        var clusters = new List<int>();
        foreach (var f in root.GetProperty("faces").EnumerateArray())
        {
            var box = Floats(f.GetProperty("box"));
            var q = f.GetProperty("quality");
            faces.Add(new FaceRecord(
                f.GetProperty("id").GetString()!, f.GetProperty("frame").GetInt32(), f.GetProperty("time").GetDouble(),
                new BoxF(box[0], box[1], box[2], box[3]),
                f.GetProperty("landmarks").EnumerateArray().Select(Floats).ToArray(),
                new FaceQuality(q.GetProperty("boxSize").GetSingle(), q.GetProperty("score").GetSingle(), q.GetProperty("sharpness").GetSingle(), q.GetProperty("frontalness").GetSingle()),
                Floats(f.GetProperty("descriptor"))));
            clusters.Add(f.GetProperty("cluster").GetInt32());
        }

        return new DatasetManifest(sources, parameters, frames, faces, clusters);
    }

    private static SourceInfo ReadSource(JsonElement s) => new(
        s.GetProperty("file").GetString()!, s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32(),
        s.GetProperty("framesPerSecond").GetDouble(), s.TryGetProperty("durationSeconds", out var d) ? d.GetDouble() : null);

    private static void WriteFace(Utf8JsonWriter json, DatasetManifest manifest, int i, Dictionary<int, FrameRecord> frames)
    {
        var face = manifest.Faces[i];
        var frame = frames[face.Frame];
        json.WriteStartObject();
        json.WriteString("id", face.Id);
        json.WriteNumber("frame", face.Frame);
        json.WriteNumber("source", frame.Source);
        json.WriteNumber("time", face.TimeSeconds);
        json.WriteString("frameFile", $"{DatasetPaths.Images}/{frame.FileName}");
        json.WriteFloats("box", face.Box.ToArray());
        json.WriteFloatArrays("landmarks", face.Landmarks);
        json.WriteQuality(face.Quality);
        json.WriteNumber("cluster", manifest.Clusters[i]);
        json.WriteString("crop", manifest.CropPath(i));
        json.WriteFloats("descriptor", face.Descriptor);
        json.WriteEndObject();
    }

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();
}
