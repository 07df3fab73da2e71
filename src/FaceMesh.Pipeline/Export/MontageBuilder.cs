using FaceMesh.Engine.Quality;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Export;

/// <summary>A 5x5 contact sheet per person: the sharpest, most frontal portraits first, each letterboxed into a cell.</summary>
public static class MontageBuilder
{
    public const int Columns = 5;
    public const int MaxPortraits = 25;
    private const int CellWidth = 200;
    private const int CellHeight = 250;

    /// <summary>Orders faces best first: frontal and sharp (sharpness saturates, so a crisp profile does not win).</summary>
    public static double Rank(FaceQuality quality) =>
        quality.Frontalness * Math.Log(1 + Math.Min(quality.Sharpness, 500)) * Math.Min(1, quality.BoxSize / 80.0);

    /// <summary>
    /// Picks up to 25 faces best first, skipping near-duplicates (a held shot gives the same face many times) while
    /// enough different ones remain, so the sheet shows the person's range for a human to judge.
    /// </summary>
    public static List<int> PickVaried(IReadOnlyList<int> ranked, Func<int, float[]> descriptor)
    {
        const float duplicateDistance = 0.12f;
        var picked = new List<int>();
        var skipped = new List<int>();
        foreach (var face in ranked)
        {
            if (picked.Count == MaxPortraits)
            {
                break;
            }

            if (picked.Any(p => Engine.Clustering.Dbscan.Distance(descriptor(p), descriptor(face)) < duplicateDistance))
            {
                skipped.Add(face);
            }
            else
            {
                picked.Add(face);
            }
        }

        picked.AddRange(skipped.Take(MaxPortraits - picked.Count));
        return picked;
    }

    public static byte[] Build(IReadOnlyList<string> portraitPaths)
    {
        var count = Math.Min(MaxPortraits, portraitPaths.Count);
        var rows = Math.Max(1, (count + Columns - 1) / Columns);
        using var sheet = new Mat(rows * CellHeight, Columns * CellWidth, MatType.CV_8UC3, Scalar.All(24));
        for (var i = 0; i < count; i++)
        {
            using var portrait = Cv2.ImRead(portraitPaths[i], ImreadModes.Color);
            if (portrait.Empty())
            {
                continue;
            }

            var scale = Math.Min((double)CellWidth / portrait.Width, (double)CellHeight / portrait.Height);
            var size = new Size(Math.Max(1, (int)(portrait.Width * scale)), Math.Max(1, (int)(portrait.Height * scale)));
            using var scaled = portrait.Resize(size, interpolation: InterpolationFlags.Area);
            var x = ((i % Columns) * CellWidth) + ((CellWidth - size.Width) / 2);
            var y = ((i / Columns) * CellHeight) + ((CellHeight - size.Height) / 2);
            using var cell = new Mat(sheet, new Rect(x, y, size.Width, size.Height));
            scaled.CopyTo(cell);
        }

        return sheet.ImEncode(".jpg", [new ImageEncodingParam(ImwriteFlags.JpegQuality, 88)]);
    }
}
