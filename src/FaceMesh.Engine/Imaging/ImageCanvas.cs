namespace FaceMesh.Engine.Imaging;

/// <summary>An image placed in the middle of a larger canvas filled with the image's mean colour.</summary>
public static class ImageCanvas
{
    public static RgbImage Pad(RgbImage image, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var width = image.Width + (2 * padding);
        var height = image.Height + (2 * padding);
        var pixels = new byte[checked(width * height * 3)];
        var mean = MeanColour(image);
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = mean[0];
            pixels[i + 1] = mean[1];
            pixels[i + 2] = mean[2];
        }

        var rowBytes = image.Width * 3;
        for (var y = 0; y < image.Height; y++)
        {
            Buffer.BlockCopy(image.Pixels, y * rowBytes, pixels, (((y + padding) * width) + padding) * 3, rowBytes);
        }

        return new RgbImage(width, height, pixels);
    }

    private static byte[] MeanColour(RgbImage image)
    {
        var sums = new long[3];
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            sums[0] += pixels[i];
            sums[1] += pixels[i + 1];
            sums[2] += pixels[i + 2];
        }

        var count = Math.Max(1, pixels.Length / 3);
        return [(byte)(sums[0] / count), (byte)(sums[1] / count), (byte)(sums[2] / count)];
    }
}
