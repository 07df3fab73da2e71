using System.Text.Json;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline.Tracking;

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

            if (source.EndedEarlyAtSeconds is { } ended)
            {
                json.WriteNumber("endedEarlyAtSeconds", ended);
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
        if (p.Precision is { } precision)
        {
            json.WriteString("precision", precision);
        }

        if (p.ValFraction is { } valFraction)
        {
            json.WriteNumber("valFraction", valFraction);
        }

        if (p.TrackIntervalSeconds is { } trackInterval)
        {
            json.WriteNumber("trackIntervalSeconds", trackInterval);
        }

        json.WriteEndObject();

        json.WriteStartObject("summary");
        json.WriteNumber("videos", manifest.Sources.Count);
        json.WriteNumber("frames", manifest.Frames.Count);
        json.WriteNumber("faces", manifest.Faces.Count);
        json.WriteNumber("people", manifest.PeopleCount);
        json.WriteNumber("noise", manifest.NoiseCount);
        json.WriteEndObject();

        var frames = manifest.Frames.ToDictionary(f => f.Index);
        json.WriteStartArray("people");
        foreach (var group in Enumerable.Range(0, manifest.Faces.Count).Where(i => manifest.Clusters[i] >= 0).GroupBy(i => manifest.Clusters[i]).OrderBy(g => g.Key))
        {
            json.WriteStartObject();
            json.WriteNumber("cluster", group.Key);
            json.WriteString("name", DatasetManifest.PersonName(group.Key));
            json.WriteNumber("faces", group.Count());
            json.WriteString("montage", $"{DatasetPaths.Montages}/{DatasetManifest.PersonName(group.Key)}.jpg");
            json.WriteStartArray("appearances");
            foreach (var appearance in Appearance.Of(group.Select(i => frames[manifest.Faces[i].Frame]), manifest.Parameters.IntervalSeconds))
            {
                json.WriteStartObject();
                json.WriteNumber("source", appearance.Source);
                json.WriteNumber("start", appearance.Start);
                json.WriteNumber("end", appearance.End);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("frames");
        foreach (var frame in manifest.Frames)
        {
            json.WriteStartObject();
            json.WriteNumber("index", frame.Index);
            json.WriteNumber("source", frame.Source);
            json.WriteNumber("shot", frame.Shot);
            json.WriteNumber("time", frame.TimeSeconds);
            json.WriteString("file", $"{DatasetPaths.Images}/{frame.FileName}");
            json.WriteNumber("width", frame.Width);
            json.WriteNumber("height", frame.Height);
            if (frame.Path is { } path)
            {
                json.WriteString("path", path);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("faces");
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            WriteFace(json, manifest, i, frames);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static DatasetManifest Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <param name="origin">Where the bytes came from, for error messages.</param>
    public static DatasetManifest Read(byte[] bytes, string origin)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, origin);
    }

    /// <summary>Reads a manifest from a stream without holding its text or a document tree (collections run to hundreds of MB).</summary>
    public static DatasetManifest Read(Stream stream, string origin)
    {
        var document = JsonSerializer.Deserialize(stream, ManifestJsonContext.Default.ManifestDocument)
            ?? throw new InvalidDataException($"{origin}: the manifest is empty (null).");
        var version = document.SchemaVersion;
        if (version is not (1 or DatasetManifest.SchemaVersion))
        {
            throw new InvalidDataException($"{origin}: manifest schema {version} is not supported (expected 1 or {DatasetManifest.SchemaVersion}).");
        }

        // Schema 1 had one video, "source"; its frames carry no source index (0 is that video).
        var sources = (version == 1 ? document.Source is { } one ? [one] : null : document.Sources)
            ?? throw new InvalidDataException($"{origin}: the manifest names no {(version == 1 ? "source" : "sources")}.");
        var p = document.Parameters;
        var parameters = new RunParameters(p.IntervalSeconds, p.Detector, p.MinConfidence, p.MinFaceSize, p.TileSize, p.Alignment, p.Eps, p.MinSamples, p.Models, p.TrackIntervalSeconds, p.Precision, p.ValFraction);
        var frames = document.Frames.Select(f => new FrameRecord(f.Index, f.Time, f.Width, f.Height, f.Source, f.Shot, f.Path)).ToList();
        if (frames.FirstOrDefault(f => f.Source < 0 || f.Source >= sources.Count) is { } orphan)
        {
            throw new InvalidDataException($"{origin}: frame {orphan.Index} names source {orphan.Source}, which the manifest does not list.");
        }

        var faces = new List<FaceRecord>(document.Faces.Count);
        var clusters = new List<int>(document.Faces.Count);
        foreach (var f in document.Faces)
        {
            if (f.Box.Length != 4 || f.Landmarks.Length != 136)
            {
                throw new InvalidDataException($"{origin}: face {f.Id} needs a box of 4 numbers and 68 landmark points.");
            }

            var q = f.Quality;
            faces.Add(new FaceRecord(f.Id, f.Frame, f.Time, new BoxF(f.Box[0], f.Box[1], f.Box[2], f.Box[3]), f.Landmarks,
                new FaceQuality(q.BoxSize, q.Score, q.Sharpness, q.Frontalness), f.Descriptor, f.Track));
            clusters.Add(f.Cluster);
        }

        return new DatasetManifest([.. sources.Select(s => new SourceInfo(s.File, s.Width, s.Height, s.FramesPerSecond, s.DurationSeconds, s.EndedEarlyAtSeconds))],
            parameters, frames, faces, clusters);
    }

    private static void WriteFace(Utf8JsonWriter json, DatasetManifest manifest, int i, Dictionary<int, FrameRecord> frames)
    {
        var face = manifest.Faces[i];
        var frame = frames[face.Frame];
        json.WriteStartObject();
        json.WriteString("id", face.Id);
        json.WriteNumber("frame", face.Frame);
        json.WriteNumber("source", frame.Source);
        json.WriteNumber("track", face.Track);
        json.WriteNumber("time", face.TimeSeconds);
        json.WriteString("frameFile", $"{DatasetPaths.Images}/{frame.FileName}");
        json.WriteFloats("box", face.Box.ToArray());
        json.WriteFloatArrays("landmarks", face.Landmarks.Chunk(2));
        json.WriteQuality(face.Quality);
        json.WriteNumber("cluster", manifest.Clusters[i]);
        json.WriteString("crop", manifest.CropPath(i));
        json.WriteFloats("descriptor", face.Descriptor);
        json.WriteEndObject();
    }
}
