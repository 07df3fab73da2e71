using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// Finds the picture inside black bars: a portrait phone video pillarboxed in a landscape frame, 4:3 in 16:9, cinema
/// letterboxing. Detection then runs on the picture alone: no tiles spent on bars, and a portrait picture is seen at
/// the scale tiles would have given it. A row or column is a bar when every pixel in it is dark and flat; nothing in it
/// could be a face the detector finds.
/// </summary>
public static class LetterboxBars
{
    /// <summary>Brightest a bar pixel may be (of 255), as (R + 2G + B) / 4: compressed black wanders a little above 16.</summary>
    private const int MaxLuma = 40;

    /// <summary>Widest spread of brightness along a bar line: dark scenery has texture, bars do not.</summary>
    private const int MaxSpread = 16;

    /// <summary>Bars narrower than this share of the frame are kept: too little to gain from.</summary>
    private const double MinShare = 0.05;

    /// <summary>Pixels of picture kept beyond where the bars end, for compression bleeding across the edge.</summary>
    private const int EdgeMargin = 2;

    /// <summary>The picture's rectangle; the whole image when it has no bars worth cropping (or is all bar).</summary>
    public static PixelRect Content(RgbImage image)
    {
        var whole = new PixelRect(0, 0, image.Width, image.Height);
        var left = 0;
        while (left < image.Width && IsBar(image, left, 0, 0, 1, image.Height))
        {
            left++;
        }

        if (left == image.Width)
        {
            return whole;
        }

        var right = image.Width;
        while (right > left && IsBar(image, right - 1, 0, 0, 1, image.Height))
        {
            right--;
        }

        var top = 0;
        while (top < image.Height && IsBar(image, left, top, 1, 0, right - left))
        {
            top++;
        }

        var bottom = image.Height;
        while (bottom > top && IsBar(image, left, bottom - 1, 1, 0, right - left))
        {
            bottom--;
        }

        if ((left + image.Width - right) < MinShare * image.Width && (top + image.Height - bottom) < MinShare * image.Height)
        {
            return whole;
        }

        left = Math.Max(0, left - EdgeMargin);
        top = Math.Max(0, top - EdgeMargin);
        right = Math.Min(image.Width, right + EdgeMargin);
        bottom = Math.Min(image.Height, bottom + EdgeMargin);
        return right - left < 32 || bottom - top < 32 ? whole : new PixelRect(left, top, right - left, bottom - top);
    }

    private static bool IsBar(RgbImage image, int x, int y, int dx, int dy, int count)
    {
        var pixels = image.Pixels;
        int darkest = 255, brightest = 0;
        for (var i = 0; i < count; i++)
        {
            var at = (((y + (i * dy)) * image.Width) + x + (i * dx)) * 3;
            var luma = (pixels[at] + (2 * pixels[at + 1]) + pixels[at + 2]) >> 2;
            darkest = Math.Min(darkest, luma);
            brightest = Math.Max(brightest, luma);
            if (brightest > MaxLuma || brightest - darkest > MaxSpread)
            {
                return false;
            }
        }

        return true;
    }
}
