namespace FaceMesh.Engine.Imaging;

/// <summary>
/// Prepares network inputs exactly as face-api.js's <c>NetInput.toBatchTensor</c> does: cut a rectangle out of the
/// image, zero-pad it to a square (at the end, or centred), resize with TensorFlow's legacy bilinear sampling
/// (no corner alignment, no half-pixel centres) and normalize each channel as <c>(value - mean) * scale</c>.
/// Writes planar NCHW floats into <paramref name="destination"/>.
/// </summary>
public static class NetInputWriter
{
    /// <summary>Writes one input per crop back to back: a batch of shape [crops, 3, size, size].</summary>
    public static float[] WriteBatch(RgbImage image, IReadOnlyList<PixelRect> crops, int size, bool centerPadding, ChannelNormalization norm)
    {
        var plane = 3 * size * size;
        var batch = new float[crops.Count * plane];
        for (var i = 0; i < crops.Count; i++)
        {
            Write(image, crops[i], size, centerPadding, norm, batch.AsSpan(i * plane, plane));
        }

        return batch;
    }

    public static void Write(RgbImage image, PixelRect crop, int size, bool centerPadding, ChannelNormalization norm, Span<float> destination)
    {
        if (crop.IsEmpty)
        {
            throw new ArgumentException("The crop is empty.", nameof(crop));
        }

        var side = Math.Max(crop.Width, crop.Height);
        var (padX, padY) = (0, 0);
        if (centerPadding)
        {
            var diff = Math.Abs(crop.Width - crop.Height);
            var prepend = diff - (int)Math.Round(diff * 0.5, MidpointRounding.AwayFromZero);
            (padX, padY) = crop.Width < crop.Height ? (prepend, 0) : (0, prepend);
        }

        var scale = (float)side / size;
        var plane = size * size;
        var pixels = image.Pixels;
        var stride = image.Width * 3;
        Span<float> top = stackalloc float[3];
        Span<float> bottom = stackalloc float[3];

        for (var dy = 0; dy < size; dy++)
        {
            var sy = dy * scale;
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, side - 1);
            var fy = sy - y0;
            for (var dx = 0; dx < size; dx++)
            {
                var sx = dx * scale;
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, side - 1);
                var fx = sx - x0;
                Blend(pixels, stride, crop, padX, padY, x0, x1, y0, fx, top);
                Blend(pixels, stride, crop, padX, padY, x0, x1, y1, fx, bottom);
                var offset = (dy * size) + dx;
                for (var c = 0; c < 3; c++)
                {
                    var value = top[c] + ((bottom[c] - top[c]) * fy);
                    destination[(c * plane) + offset] = (value - norm.Mean[c]) * norm.Scale;
                }
            }
        }
    }

    private static void Blend(byte[] pixels, int stride, PixelRect crop, int padX, int padY, int x0, int x1, int y, float fx, Span<float> result)
    {
        var row = y - padY;
        var inside = row >= 0 && row < crop.Height;
        var c0 = x0 - padX;
        var c1 = x1 - padX;
        var baseRow = (crop.Y + row) * stride;
        for (var c = 0; c < 3; c++)
        {
            float left = inside && c0 >= 0 && c0 < crop.Width ? pixels[baseRow + ((crop.X + c0) * 3) + c] : 0;
            float right = inside && c1 >= 0 && c1 < crop.Width ? pixels[baseRow + ((crop.X + c1) * 3) + c] : 0;
            result[c] = left + ((right - left) * fx);
        }
    }
}
