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
