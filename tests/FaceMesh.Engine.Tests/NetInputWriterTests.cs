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
