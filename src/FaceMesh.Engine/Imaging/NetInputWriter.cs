using System.Buffers;

namespace FaceMesh.Engine.Imaging;

/// <summary>
/// Prepares network inputs exactly as face-api.js's <c>NetInput.toBatchTensor</c> does: cut a rectangle out of the
/// image, zero-pad it to a square (at the end, or centred), resize with TensorFlow's legacy bilinear sampling
/// (no corner alignment, no half-pixel centres) and normalize each channel as <c>(value - mean) * scale</c>.
/// Writes planar NCHW floats into <paramref name="destination"/>.
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
        var pool = ArrayPool<float>.Shared;
        var rowsBuffer = pool.Rent(6 * size);
        var weightsBuffer = pool.Rent(size);
        var offsetsBuffer = ArrayPool<int>.Shared.Rent(2 * size);
        var lineBuffer = ArrayPool<byte>.Shared.Rent((crop.Width + 1) * 3);
        try
        {
            var columns = new SourceColumns(offsetsBuffer.AsSpan(0, 2 * size), weightsBuffer.AsSpan(0, size));
            columns.Fill(size, scale, side, padX, crop);
            var rows = rowsBuffer.AsSpan(0, 6 * size);
            var line = lineBuffer.AsSpan(0, (crop.Width + 1) * 3);
            var (upperStart, lowerStart) = (0, 3 * size);
            var (upperRow, lowerRow) = (-1, -1);
            var plane = size * size;
            var red = destination[..plane];
            var green = destination.Slice(plane, plane);
            var blue = destination.Slice(2 * plane, plane);
            var (meanR, meanG, meanB) = (norm.Mean[0], norm.Mean[1], norm.Mean[2]);
            for (var dy = 0; dy < size; dy++)
            {
                var sy = dy * scale;
                var y0 = (int)sy;
                var y1 = Math.Min(y0 + 1, side - 1);
                var fy = sy - y0;
                if (y0 == lowerRow)
                {
                    (upperStart, lowerStart, upperRow, lowerRow) = (lowerStart, upperStart, lowerRow, -1);
                }

                var upper = rows.Slice(upperStart, 3 * size);
                var lower = rows.Slice(lowerStart, 3 * size);
                if (y0 != upperRow)
                {
                    SampleRow(image, crop, y0 - padY, columns, line, upper);
                    upperRow = y0;
                }

                if (y1 != lowerRow)
                {
                    SampleRow(image, crop, y1 - padY, columns, line, lower);
                    lowerRow = y1;
                }

                var offset = dy * size;
                for (var dx = 0; dx < size; dx++)
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

        public void Fill(int size, float scale, int side, int padX, PixelRect crop)
        {
            for (var dx = 0; dx < size; dx++)
            {
                var sx = dx * scale;
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, side - 1);
                Weights[dx] = sx - x0;
                Offsets[2 * dx] = OffsetOf(x0 - padX, crop);
                Offsets[(2 * dx) + 1] = OffsetOf(x1 - padX, crop);
            }
        }

        private static int OffsetOf(int column, PixelRect crop) => column >= 0 && column < crop.Width ? column * 3 : crop.Width * 3;
    }
}
