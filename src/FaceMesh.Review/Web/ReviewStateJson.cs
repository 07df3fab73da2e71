using System.Text.Json;
using FaceMesh.Engine.Clustering;
using FaceMesh.Review;

namespace FaceMesh.Review.Web;

/// <summary>The page's view of a review: people largest first with merge suggestions, noise, discarded faces, qualities.</summary>
public static class ReviewStateJson
{
    public const int Suggestions = 2;

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
            json.WriteStartObject("filter");
            json.WriteNumber("minBoxSize", review.Edits.Filter.MinBoxSize);
            json.WriteNumber("minSharpness", review.Edits.Filter.MinSharpness);
            json.WriteNumber("minFrontalness", review.Edits.Filter.MinFrontalness);
            json.WriteEndObject();
            json.WriteStartArray("people");
            foreach (var person in review.People)
            {
                WritePerson(json, review, person, review.People);
            }

            json.WriteEndArray();
            json.WriteStartArray("discardedPeople");
            foreach (var person in review.DiscardedPeople)
            {
                WritePerson(json, review, person, []);
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
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WritePerson(Utf8JsonWriter json, ResolvedReview review, ResolvedPerson person, IReadOnlyList<ResolvedPerson> others)
    {
        json.WriteStartObject();
        json.WriteString("id", person.Id);
        json.WriteString("name", person.Name);
        json.WriteString("displayName", person.DisplayName);
        WriteFaceIds(json, "faces", review, person.Faces);
        json.WriteStartArray("suggestions");
        var nearest = others.Where(o => o.Id != person.Id)
            .Select(o => (Other: o, Distance: Dbscan.Distance(person.Centroid, o.Centroid)))
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
