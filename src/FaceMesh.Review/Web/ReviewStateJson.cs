using System.Text.Json;
using FaceMesh.Engine.Clustering;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Tracking;
using FaceMesh.Review;

namespace FaceMesh.Review.Web;

/// <summary>The page's view of a review: people largest first with merge suggestions, noise, discarded faces, qualities.</summary>
public static class ReviewStateJson
{
    public const int Suggestions = 2;

    /// <summary>
    /// Only people whose centroids are closer than this are suggested as the same person: two clusters of one person
    /// are usually under 0.5 apart, two people over 0.6 (face-api.js's own threshold).
    /// </summary>
    public const float SuggestionDistance = 0.6f;

    public static byte[] Serialize(string title, ResolvedReview review)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var manifest = review.Manifest;
            json.WriteStartObject();
            json.WriteString("title", title);
            json.WriteNumber("revision", review.Edits.Revision);
            json.WriteBoolean("canUndo", !review.Edits.Undo.IsEmpty);
            json.WriteNumber("eps", manifest.Parameters.Eps);
            json.WriteNumber("interval", manifest.Parameters.IntervalSeconds);
            WriteVideos(json, manifest);
            json.WriteStartObject("filter");
            json.WriteNumber("minBoxSize", review.Edits.Filter.MinBoxSize);
            json.WriteNumber("minSharpness", review.Edits.Filter.MinSharpness);
            json.WriteNumber("minFrontalness", review.Edits.Filter.MinFrontalness);
            json.WriteEndObject();
            var frames = manifest.Frames.ToDictionary(f => f.Index);
            json.WriteStartArray("people");
            foreach (var person in review.People)
            {
                WritePerson(json, review, person, review.People, frames);
            }

            json.WriteEndArray();
            json.WriteStartArray("discardedPeople");
            foreach (var person in review.DiscardedPeople)
            {
                WritePerson(json, review, person, [], frames);
            }

            json.WriteEndArray();
            WriteFaceIds(json, "noise", review, review.Noise);
            WriteFaceIds(json, "discarded", review, review.Discarded);
            WriteFaceIds(json, "filtered", review, review.Filtered);
            json.WriteStartObject("faces");
            foreach (var face in manifest.Faces)
            {
                json.WriteStartObject(face.Id);
                json.WriteNumber("boxSize", MathF.Round(face.Quality.BoxSize, 1));
                json.WriteNumber("sharpness", MathF.Round(face.Quality.Sharpness, 4));
                json.WriteNumber("frontalness", MathF.Round(face.Quality.Frontalness, 3));
                json.WriteNumber("time", Math.Round(face.TimeSeconds, 2));
                json.WriteNumber("source", frames.TryGetValue(face.Frame, out var frame) ? frame.Source : 0);
                json.WriteStartArray("box");
                foreach (var edge in new[] { face.Box.Left, face.Box.Top, face.Box.Right, face.Box.Bottom })
                {
                    json.WriteNumberValue(MathF.Round(edge, 1));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WritePerson(Utf8JsonWriter json, ResolvedReview review, ResolvedPerson person, IReadOnlyList<ResolvedPerson> others, Dictionary<int, FrameRecord> frames)
    {
        json.WriteStartObject();
        json.WriteString("id", person.Id);
        json.WriteString("name", person.Name);
        json.WriteString("displayName", person.DisplayName);
        WriteFaceIds(json, "faces", review, person.Faces);
        WriteAppearances(json, review, person, frames);
        json.WriteStartArray("suggestions");
        var nearest = others.Where(o => o.Id != person.Id)
            .Select(o => (Other: o, Distance: Dbscan.Distance(person.Centroid, o.Centroid)))
            .Where(x => x.Distance < SuggestionDistance)
            .OrderBy(x => x.Distance).Take(Suggestions);
        foreach (var (other, distance) in nearest)
        {
            json.WriteStartObject();
            json.WriteString("id", other.Id);
            json.WriteString("displayName", other.DisplayName);
            json.WriteNumber("distance", MathF.Round(distance, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Each video's name and length (the container's duration, else its last sampled frame plus an interval).</summary>
    private static void WriteVideos(Utf8JsonWriter json, DatasetManifest manifest)
    {
        json.WriteStartArray("videos");
        for (var source = 0; source < manifest.Sources.Count; source++)
        {
            var last = manifest.Frames.Where(f => f.Source == source).Select(f => f.TimeSeconds).DefaultIfEmpty(0).Max();
            json.WriteStartObject();
            json.WriteString("file", manifest.Sources[source].File);
            json.WriteNumber("duration", Math.Max(manifest.Sources[source].DurationSeconds ?? 0, last + manifest.Parameters.IntervalSeconds));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Where in the footage the person is seen, with the person's best face of each stretch (for its frame).</summary>
    private static void WriteAppearances(Utf8JsonWriter json, ResolvedReview review, ResolvedPerson person, Dictionary<int, FrameRecord> frames)
    {
        var manifest = review.Manifest;
        json.WriteStartArray("appearances");
        foreach (var appearance in Appearance.Of(person.Faces.Select(i => frames[manifest.Faces[i].Frame]), manifest.Parameters.IntervalSeconds))
        {
            var best = person.Faces.First(i => frames[manifest.Faces[i].Frame] is var f && f.Source == appearance.Source && f.TimeSeconds >= appearance.Start && f.TimeSeconds <= appearance.End);
            json.WriteStartObject();
            json.WriteNumber("source", appearance.Source);
            json.WriteNumber("start", appearance.Start);
            json.WriteNumber("end", appearance.End);
            json.WriteString("face", manifest.Faces[best].Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFaceIds(Utf8JsonWriter json, string name, ResolvedReview review, IEnumerable<int> faces)
    {
        json.WriteStartArray(name);
        foreach (var face in faces)
        {
            json.WriteStringValue(review.Manifest.Faces[face].Id);
        }

        json.WriteEndArray();
    }
}
