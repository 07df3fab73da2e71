using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// Plans the regions a frame is detected on: the whole frame (for large faces) plus, when the frame is large, square
/// tiles that overlap by <c>overlap</c> pixels, so every face smaller than the overlap lies whole inside at least one
/// tile. Tiles are at native resolution up to <c>maxTiledSide</c>; beyond it (4K footage) tiles and overlap grow in
/// proportion, so a 4K frame costs what a 1080p frame does instead of four times as much.
/// </summary>
public static class TilePlanner
{
    public const int DefaultMaxTiledSide = 1920;

    public static IReadOnlyList<PixelRect> Plan(int width, int height, int tileSize, int overlap, int maxTiledSide = DefaultMaxTiledSide)
    {
        var grow = Growth(width, height, maxTiledSide);
        if (tileSize > 0 && grow > 1)
        {
            (tileSize, overlap) = ((int)Math.Round(tileSize * grow), (int)Math.Round(overlap * grow));
        }

        var whole = new PixelRect(0, 0, width, height);
        if (tileSize <= 0 || Math.Max(width, height) <= tileSize * 1.25)
        {
            return [whole];
        }

        var regions = new List<PixelRect> { whole };
        foreach (var y in Starts(height, tileSize, overlap))
        {
            foreach (var x in Starts(width, tileSize, overlap))
            {
                regions.Add(new PixelRect(x, y, Math.Min(tileSize, width - x), Math.Min(tileSize, height - y)));
            }
        }

        return regions;
    }

    /// <summary>How much tiles grow for a picture whose longer side exceeds <paramref name="maxTiledSide"/>; 1 below it.</summary>
    public static double Growth(int width, int height, int maxTiledSide = DefaultMaxTiledSide)
    {
        var longer = Math.Max(width, height);
        return maxTiledSide > 0 && longer > maxTiledSide ? (double)longer / maxTiledSide : 1;
    }

    private static List<int> Starts(int length, int tileSize, int overlap)
    {
        if (length <= tileSize)
        {
            return [0];
        }

        var count = (int)Math.Ceiling((double)(length - overlap) / (tileSize - overlap));
        var step = (double)(length - tileSize) / (count - 1);
        return Enumerable.Range(0, count).Select(i => (int)Math.Round(i * step)).ToList();
    }
}
