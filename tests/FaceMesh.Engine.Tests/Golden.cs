using System.Numerics;
using System.Text.Json;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;

namespace FaceMesh.Engine.Tests;

/// <summary>The reference results written by tests/reference/make-golden.js from face-api.js itself.</summary>
public sealed record GoldenImage(string File, int Width, int Height, string RgbSha256, IReadOnlyList<GoldenFace> Faces, IReadOnlyList<GoldenDetection> TinyFaces);

public sealed record GoldenFace(float Score, BoxF Box, PixelRect LandmarkCrop, Vector2[] Landmarks, PixelRect DescriptorCrop, float[] Descriptor);

public sealed record GoldenDetection(float Score, BoxF Box);

public static class Golden
{
    private static readonly Lazy<IReadOnlyList<GoldenImage>> Images = new(Load);

    public static IReadOnlyList<GoldenImage> All => Images.Value;

    public static TheoryData<string> Files() => new(All.Select(i => i.File));

    public static GoldenImage Get(string file) => All.Single(i => i.File == file);

    private static IReadOnlyList<GoldenImage> Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(TestPaths.Golden));
        return document.RootElement.GetProperty("images").EnumerateArray().Select(image => new GoldenImage(
            image.GetProperty("file").GetString()!,
            image.GetProperty("width").GetInt32(),
            image.GetProperty("height").GetInt32(),
            image.GetProperty("rgbSha256").GetString()!,
            image.GetProperty("faces").EnumerateArray().Select(face => new GoldenFace(
                face.GetProperty("score").GetSingle(),
                Box(face.GetProperty("box")),
                Rect(face.GetProperty("landmarkCrop")),
                face.GetProperty("landmarks").EnumerateArray().Select(p => new Vector2(p[0].GetSingle(), p[1].GetSingle())).ToArray(),
                Rect(face.GetProperty("descriptorCrop")),
                face.GetProperty("descriptor").EnumerateArray().Select(v => v.GetSingle()).ToArray())).ToList(),
            image.GetProperty("tinyFaces").EnumerateArray().Select(d => new GoldenDetection(d.GetProperty("score").GetSingle(), Box(d.GetProperty("box")))).ToList()))
            .ToList();
    }

    private static BoxF Box(JsonElement e)
    {
        var (x, y) = (e.GetProperty("x").GetSingle(), e.GetProperty("y").GetSingle());
        return new BoxF(x, y, x + e.GetProperty("width").GetSingle(), y + e.GetProperty("height").GetSingle());
    }

    private static PixelRect Rect(JsonElement e) =>
        new(e.GetProperty("x").GetInt32(), e.GetProperty("y").GetInt32(), e.GetProperty("width").GetInt32(), e.GetProperty("height").GetInt32());
}
