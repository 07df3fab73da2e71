using System.Buffers;

namespace FaceMesh.Engine.Imaging;

/// <summary>
/// Prepares network inputs exactly as face-api.js's <c>NetInput.toBatchTensor</c> does: cut a rectangle out of the
/// image, zero-pad it to a square (at the end, or centred), resize with TensorFlow's legacy bilinear sampling
/// (no corner alignment, no half-pixel centres) and normalize each channel as <c>(value - mean) * scale</c>.
/// <see cref="WriteScaled"/> resizes the same way into a rectangle instead of a square. Writes planar NCHW floats.
/// </summary>
/// <remarks>
/// Bilinear sampling is separable: each source row the output needs is interpolated across once (columns looked up in a
/// table), and each output row blends two such rows. The arithmetic is the per-pixel formula's, in the same order, so
/// the values are the same to the bit.
/// </remarks>
public static class NetInputWriter
{
    /// <summary>Writes one input per crop back to back into <paramref name="destination"/>: a batch of shape [crops, 3, size, size].</summary>
    public static void WriteBatch(RgbImage image, IReadOnlyList<PixelRect> crops, int size, bool centerPadding, ChannelNormalization norm, Span<float> destination)
    {
        var plane = 3 * size * size;
        if (destination.Length != crops.Count * plane)
        {
            throw new ArgumentException($"The batch takes {crops.Count * plane} floats, not {destination.Length}.", nameof(destination));
        }

        for (var i = 0; i < crops.Count; i++)
        {
            Write(image, crops[i], size, centerPadding, norm, destination.Slice(i * plane, plane));
        }
    }

    public static void Write(RgbImage image, PixelRect crop, int size, bool centerPadding, ChannelNormalization norm, Span<float> destination)
    {
        var side = Math.Max(crop.Width, crop.Height);
        var (padX, padY) = (0, 0);
        if (centerPadding)
        {
            var diff = Math.Abs(crop.Width - crop.Height);
            var prepend = diff - (int)Math.Round(diff * 0.5, MidpointRounding.AwayFromZero);
            (padX, padY) = crop.Width < crop.Height ? (prepend, 0) : (0, prepend);
        }

        Resample(image, crop, size, size, (float)side / size, (side, side), (padX, padY), norm, destination);
    }

    /// <summary>
    /// Writes the crop resized by <paramref name="sourcePerOutput"/> (source pixels per output pixel) into the top left
    /// of a <paramref name="width"/> x <paramref name="height"/> input, zero beyond it: shape [3, height, width].
    /// </summary>
    public static void WriteScaled(RgbImage image, PixelRect crop, int width, int height, float sourcePerOutput, ChannelNormalization norm, Span<float> destination)
    {
        if (destination.Length != 3 * width * height)
        {
            throw new ArgumentException($"The input takes {3 * width * height} floats, not {destination.Length}.", nameof(destination));
        }

        var extent = (Math.Max(crop.Width, (int)MathF.Ceiling(width * sourcePerOutput)), Math.Max(crop.Height, (int)MathF.Ceiling(height * sourcePerOutput)));
        Resample(image, crop, width, height, sourcePerOutput, extent, (0, 0), norm, destination);
    }

    /// <summary>
    /// The crop, placed at <paramref name="pad"/> on a black canvas of size <paramref name="extent"/>, sampled at every
    /// output pixel times <paramref name="scale"/>.
    /// </summary>
    private static void Resample(RgbImage image, PixelRect crop, int width, int height, float scale, (int X, int Y) extent, (int X, int Y) pad, ChannelNormalization norm, Span<float> destination)
    {
        if (crop.IsEmpty)
        {
            throw new ArgumentException("The crop is empty.", nameof(crop));
        }

        var pool = ArrayPool<float>.Shared;
        var rowsBuffer = pool.Rent(6 * width);
        var weightsBuffer = pool.Rent(width);
        var offsetsBuffer = ArrayPool<int>.Shared.Rent(2 * width);
        var lineBuffer = ArrayPool<byte>.Shared.Rent((crop.Width + 1) * 3);
        try
        {
            var columns = new SourceColumns(offsetsBuffer.AsSpan(0, 2 * width), weightsBuffer.AsSpan(0, width));
            columns.Fill(width, scale, extent.X, pad.X, crop);
            var rows = rowsBuffer.AsSpan(0, 6 * width);
            var line = lineBuffer.AsSpan(0, (crop.Width + 1) * 3);
            var (upperStart, lowerStart) = (0, 3 * width);
            var (upperRow, lowerRow) = (-1, -1);
            var plane = width * height;
            var red = destination[..plane];
            var green = destination.Slice(plane, plane);
            var blue = destination.Slice(2 * plane, plane);
            var (meanR, meanG, meanB) = (norm.Mean[0], norm.Mean[1], norm.Mean[2]);
            for (var dy = 0; dy < height; dy++)
            {
                var sy = dy * scale;
                var y0 = (int)sy;
                var y1 = Math.Min(y0 + 1, extent.Y - 1);
                var fy = sy - y0;
                if (y0 == lowerRow)
                {
                    (upperStart, lowerStart, upperRow, lowerRow) = (lowerStart, upperStart, lowerRow, -1);
                }

                var upper = rows.Slice(upperStart, 3 * width);
                var lower = rows.Slice(lowerStart, 3 * width);
                if (y0 != upperRow)
                {
                    SampleRow(image, crop, y0 - pad.Y, columns, line, upper);
                    upperRow = y0;
                }

                if (y1 != lowerRow)
                {
                    SampleRow(image, crop, y1 - pad.Y, columns, line, lower);
                    lowerRow = y1;
                }

                var offset = dy * width;
                for (var dx = 0; dx < width; dx++)
                {
                    var i = 3 * dx;
                    red[offset + dx] = (upper[i] + ((lower[i] - upper[i]) * fy) - meanR) * norm.Scale;
                    green[offset + dx] = (upper[i + 1] + ((lower[i + 1] - upper[i + 1]) * fy) - meanG) * norm.Scale;
                    blue[offset + dx] = (upper[i + 2] + ((lower[i + 2] - upper[i + 2]) * fy) - meanB) * norm.Scale;
                }
            }
        }
        finally
        {
            pool.Return(rowsBuffer);
            pool.Return(weightsBuffer);
            ArrayPool<int>.Shared.Return(offsetsBuffer);
            ArrayPool<byte>.Shared.Return(lineBuffer);
        }
    }

    /// <summary>One source row (in the crop's rows; outside them the zero padding) interpolated at every output column.</summary>
    private static void SampleRow(RgbImage image, PixelRect crop, int row, SourceColumns columns, Span<byte> line, Span<float> result)
    {
        if (row < 0 || row >= crop.Height)
        {
            result.Clear();
            return;
        }

        // The crop's row, then one black pixel that padding columns point at: no branch per sample.
        image.Pixels.AsSpan((((crop.Y + row) * image.Width) + crop.X) * 3, crop.Width * 3).CopyTo(line);
        line.Slice(crop.Width * 3, 3).Clear();
        var offsets = columns.Offsets;
        var weights = columns.Weights;
        for (var dx = 0; dx < weights.Length; dx++)
        {
            var (left, right, fx) = (offsets[2 * dx], offsets[(2 * dx) + 1], weights[dx]);
            float l0 = line[left], l1 = line[left + 1], l2 = line[left + 2];
            float r0 = line[right], r1 = line[right + 1], r2 = line[right + 2];
            result[3 * dx] = l0 + ((r0 - l0) * fx);
            result[(3 * dx) + 1] = l1 + ((r1 - l1) * fx);
            result[(3 * dx) + 2] = l2 + ((r2 - l2) * fx);
        }
    }

    /// <summary>
    /// For each output column, the byte offsets of its left and right neighbours in a crop row followed by one black
    /// pixel (which padding points at), and the weight of the right one.
    /// </summary>
    private readonly ref struct SourceColumns(Span<int> offsets, Span<float> weights)
    {
        public Span<int> Offsets { get; } = offsets;

        public Span<float> Weights { get; } = weights;

        public void Fill(int width, float scale, int extent, int padX, PixelRect crop)
        {
            for (var dx = 0; dx < width; dx++)
            {
                var sx = dx * scale;
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, extent - 1);
                Weights[dx] = sx - x0;
                Offsets[2 * dx] = OffsetOf(x0 - padX, crop);
                Offsets[(2 * dx) + 1] = OffsetOf(x1 - padX, crop);
            }
        }

        private static int OffsetOf(int column, PixelRect crop) => column >= 0 && column < crop.Width ? column * 3 : crop.Width * 3;
    }
}
