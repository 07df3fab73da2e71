using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Tests;

public sealed class NetInputWriterTests
{
    private static readonly ChannelNormalization Identity = new([0, 0, 0], 1);

    [Fact]
    public void Write_SameSize_CopiesPixelsIntoPlanarChannels()
    {
        var image = new RgbImage(2, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        var tensor = new float[12];
        NetInputWriter.Write(image, new PixelRect(0, 0, 2, 2), 2, centerPadding: false, Identity, tensor);
        Assert.Equal(new float[] { 1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12 }, tensor);
    }

    [Fact]
    public void Write_WideCrop_PadsZerosBelowOrAroundAsRequested()
    {
        var image = new RgbImage(2, 1, [10, 10, 10, 20, 20, 20]);
        var atEnd = new float[12];
        NetInputWriter.Write(image, new PixelRect(0, 0, 2, 1), 2, centerPadding: false, Identity, atEnd);
        Assert.Equal(new float[] { 10, 20, 0, 0 }, atEnd[..4]);

        var tall = new RgbImage(1, 3, [1, 1, 1, 2, 2, 2, 3, 3, 3]);
        var centred = new float[27];
        NetInputWriter.Write(tall, new PixelRect(0, 0, 1, 3), 3, centerPadding: true, Identity, centred);
        Assert.Equal(new float[] { 0, 1, 0, 0, 2, 0, 0, 3, 0 }, centred[..9]);
    }

    [Fact]
    public void Write_Downscale_UsesTensorFlowsLegacySampling()
    {
        // 4 -> 2 samples source x = 0 and 2 (dst * in/out, no half-pixel offset), not the 0.5 and 2.5 centres.
        var image = new RgbImage(4, 1, [0, 0, 0, 40, 40, 40, 80, 80, 80, 120, 120, 120]);
        var tensor = new float[12];
        NetInputWriter.Write(image, new PixelRect(0, 0, 4, 1), 2, centerPadding: false, Identity, tensor);
        Assert.Equal(new float[] { 0, 80, 0, 0 }, tensor[..4]);
    }

    [Fact]
    public void WriteScaled_PutsTheResizedCropTopLeft_AndZerosTheRest()
    {
        // Half size (2 source pixels per output pixel), legacy sampling at source x = 0 and 2; a 4x2 input.
        var image = new RgbImage(5, 1, [9, 9, 9, 0, 0, 0, 40, 40, 40, 80, 80, 80, 120, 120, 120]);
        var tensor = new float[3 * 4 * 2];
        NetInputWriter.WriteScaled(image, new PixelRect(1, 0, 4, 1), 4, 2, 2f, Identity, tensor);
        Assert.Equal(new float[] { 0, 80, 0, 0, 0, 0, 0, 0 }, tensor[..8]);
        Assert.Throws<ArgumentException>(() => NetInputWriter.WriteScaled(image, new PixelRect(1, 0, 4, 1), 4, 2, 2f, Identity, new float[3 * 4 * 4]));
    }

    [Theory]
    [InlineData(1280, 720, 0, 0, 1280, 720, 512, false)]
    [InlineData(1280, 720, 560, 0, 720, 720, 512, false)]
    [InlineData(640, 480, 37, 51, 203, 167, 150, true)]
    [InlineData(640, 480, 300, 20, 61, 97, 112, true)]
    [InlineData(300, 200, 5, 7, 40, 33, 150, true)]
    [InlineData(97, 131, 0, 0, 97, 131, 512, false)]
    [InlineData(3, 2, 1, 1, 2, 1, 5, true)]
    public void Write_GivesThePerPixelFormulasValues_ToTheBit(int width, int height, int x, int y, int cropWidth, int cropHeight, int size, bool centerPadding)
    {
        var random = new Random(width + height + x + y + size);
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        var image = new RgbImage(width, height, pixels);
        var crop = new PixelRect(x, y, cropWidth, cropHeight);
        var expected = new float[3 * size * size];
        PerPixel(image, crop, size, centerPadding, ChannelNormalization.FaceNets, expected);
        var actual = new float[3 * size * size];
        NetInputWriter.Write(image, crop, size, centerPadding, ChannelNormalization.FaceNets, actual);
        var differing = Enumerable.Range(0, expected.Length).Where(i => BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i])).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} values differ, first at {differing.FirstOrDefault()}");
    }

    /// <summary>The sampling written out one output pixel at a time: the definition the writer must keep to.</summary>
    private static void PerPixel(RgbImage image, PixelRect crop, int size, bool centerPadding, ChannelNormalization norm, float[] destination)
    {
        var side = Math.Max(crop.Width, crop.Height);
        var (padX, padY) = (0, 0);
        if (centerPadding)
        {
            var diff = Math.Abs(crop.Width - crop.Height);
            var prepend = diff - (int)Math.Round(diff * 0.5, MidpointRounding.AwayFromZero);
            (padX, padY) = crop.Width < crop.Height ? (prepend, 0) : (0, prepend);
        }

        float Pixel(int column, int row, int c) =>
            column - padX >= 0 && column - padX < crop.Width && row - padY >= 0 && row - padY < crop.Height
                ? image.Pixels[((crop.Y + row - padY) * image.Width * 3) + ((crop.X + column - padX) * 3) + c]
                : 0;

        var scale = (float)side / size;
        for (var dy = 0; dy < size; dy++)
        {
            var sy = dy * scale;
            var (y0, fy) = ((int)sy, sy - (int)sy);
            var y1 = Math.Min(y0 + 1, side - 1);
            for (var dx = 0; dx < size; dx++)
            {
                var sx = dx * scale;
                var (x0, fx) = ((int)sx, sx - (int)sx);
                var x1 = Math.Min(x0 + 1, side - 1);
                for (var c = 0; c < 3; c++)
                {
                    var top = Pixel(x0, y0, c) + ((Pixel(x1, y0, c) - Pixel(x0, y0, c)) * fx);
                    var bottom = Pixel(x0, y1, c) + ((Pixel(x1, y1, c) - Pixel(x0, y1, c)) * fx);
                    var value = top + ((bottom - top) * fy);
                    destination[(c * size * size) + (dy * size) + dx] = (value - norm.Mean[c]) * norm.Scale;
                }
            }
        }
    }

    [Fact]
    public void Write_Normalizes()
    {
        var image = new RgbImage(1, 1, [255, 0, 128]);
        var tensor = new float[3];
        NetInputWriter.Write(image, new PixelRect(0, 0, 1, 1), 1, false, ChannelNormalization.Ssd, tensor);
        Assert.Equal(1f, tensor[0], 5);
        Assert.Equal(-1f, tensor[1], 5);
        Assert.Equal(0.0039f, tensor[2], 3);
    }
}
