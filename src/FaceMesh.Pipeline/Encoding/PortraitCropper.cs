using FaceMesh.Engine.Imaging;
using OpenCvSharp;

namespace FaceMesh.Pipeline.Encoding;

/// <summary>
/// Portrait crops for the people folders: the face box padded by at least 100 px left and right and 150 px up and down
/// (more for large faces, so a close-up keeps its hair and chin), clamped to the frame and scaled to 400 px wide.
/// </summary>
public static class PortraitCropper
{
    public const int Width = 400;

    public static PixelRect Region(BoxF box, int frameWidth, int frameHeight)
    {
        var padX = Math.Max(100f, box.Width * 0.5f);
        var padY = Math.Max(150f, box.Height * 0.75f);
        var left = (int)Math.Max(0, MathF.Floor(box.Left - padX));
        var top = (int)Math.Max(0, MathF.Floor(box.Top - padY));
        var right = (int)Math.Min(frameWidth, MathF.Ceiling(box.Right + padX));
        var bottom = (int)Math.Min(frameHeight, MathF.Ceiling(box.Bottom + padY));
        return new PixelRect(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top));
    }

    public static byte[] Crop(Mat frameBgr, BoxF box)
    {
        var region = Region(box, frameBgr.Width, frameBgr.Height);
        using var cut = new Mat(frameBgr, new Rect(region.X, region.Y, region.Width, region.Height));
        using var scaled = new Mat();
        var height = Math.Max(1, (int)Math.Round(region.Height * (double)Width / region.Width));
        Cv2.Resize(cut, scaled, new Size(Width, height), interpolation: region.Width > Width ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        return scaled.ImEncode(".jpg", [new ImageEncodingParam(ImwriteFlags.JpegQuality, 92)]);
    }
}
