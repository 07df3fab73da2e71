using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// One detector run over a large picture at the resolution tiles would give it: the picture resized by
/// <see cref="Scale"/> into the top left of a <see cref="Width"/> x <see cref="Height"/> input whose sides are multiples
/// of 32, zero beyond it. Both detectors are fully convolutional (the SSD's anchors for such inputs are
/// <see cref="SsdAnchors"/>). At 640 px tiles a 1080p frame is one SSD run of 1536x864, where the 720 px tiles it
/// replaced were eight runs of 512x512; the scale grows to fill the input, so it is never coarser than the tiles'.
/// </summary>
public readonly record struct ScaledPass(PixelRect Region, int Width, int Height, double Scale)
{
    /// <summary>Sides of the input are multiples of this: both detectors' coarsest fixed stride.</summary>
    public const int SideStep = 32;

    /// <summary>
    /// The pass for a picture whose longer side exceeds 1.25 tiles (as <see cref="TilePlanner"/> tiles it: beyond
    /// <paramref name="maxTiledSide"/> the tile grows in proportion), seen as a tile resized to the detector's square
    /// <paramref name="inputSide"/> would be; null for smaller pictures, which one square run sees at about that
    /// resolution or finer.
    /// </summary>
    public static ScaledPass? Plan(PixelRect region, int tileSize, int inputSide, int maxTiledSide = TilePlanner.DefaultMaxTiledSide)
    {
        tileSize = (int)Math.Round(tileSize * TilePlanner.Growth(region.Width, region.Height, maxTiledSide));
        if (tileSize <= 0 || Math.Max(region.Width, region.Height) <= tileSize * 1.25)
        {
            return null;
        }

        var tileScale = (double)inputSide / tileSize;
        var width = SidesOf(region.Width * tileScale);
        var height = SidesOf(region.Height * tileScale);
        var fill = Math.Min((double)width / region.Width, (double)height / region.Height);
        return new ScaledPass(region, width, height, Math.Min(fill, Math.Max(1, tileScale)));
    }

    /// <summary>A box in 0..1 of the input, in the image's pixels.</summary>
    public BoxF ToImage(BoxF box)
    {
        var (toX, toY) = (Width / Scale, Height / Scale);
        return new BoxF(
            (float)((box.Left * toX) + Region.X),
            (float)((box.Top * toY) + Region.Y),
            (float)((box.Right * toX) + Region.X),
            (float)((box.Bottom * toY) + Region.Y));
    }

    private static int SidesOf(double length) => Math.Max(1, (int)Math.Ceiling(length / SideStep)) * SideStep;
}
