using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Tests;

public sealed class PaddedPassTests
{
    [Theory]
    [InlineData(200, 240, 0, true)]
    [InlineData(150, 150, 0, true)]
    [InlineData(900, 900, 0, true)]
    [InlineData(200, 240, 1, false)]
    [InlineData(640, 360, 0, false)]
    [InlineData(640, 480, 0, false)]
    [InlineData(901, 1000, 0, false)]
    public void AppliesOnlyToSquareOrPortraitImagesUpTo900Px_WhereNothingWasFound(int width, int height, int found, bool applies)
    {
        var image = new RgbImage(width, height, new byte[width * height * 3]);
        var detections = Enumerable.Repeat(new FaceDetection(new BoxF(1, 1, 20, 20), 0.9f), found).ToList();

        Assert.Equal(applies, PaddedPass.Applies(image, detections, padding: 0.5f));
        Assert.False(PaddedPass.Applies(image, detections, padding: 0f));
    }

    [Fact]
    public void TheCanvas_HoldsTheImageInItsMiddle_OnItsMeanColour()
    {
        var image = new RgbImage(2, 1, [10, 20, 30, 30, 40, 50]);

        var canvas = ImageCanvas.Pad(image, 1);

        Assert.Equal((4, 3), (canvas.Width, canvas.Height));
        byte[] mean = [20, 30, 40];
        Assert.Equal(mean, canvas.Pixels[..3]);
        Assert.Equal(image.Pixels, canvas.Pixels[((4 + 1) * 3)..((4 + 3) * 3)]);
        Assert.Equal(mean, canvas.Pixels[^3..]);
    }
}
