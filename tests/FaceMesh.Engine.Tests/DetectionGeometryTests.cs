using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Tests;

public sealed class DetectionGeometryTests
{
    [Fact]
    public void Nms_KeepsTheBestOfOverlappingBoxes_AndDistantOnes()
    {
        var kept = NonMaxSuppression.Apply(
        [
            new FaceDetection(new BoxF(0, 0, 10, 10), 0.8f),
            new FaceDetection(new BoxF(1, 1, 11, 11), 0.9f),
            new FaceDetection(new BoxF(50, 50, 60, 60), 0.7f),
        ], iouThreshold: 0.5f);

        Assert.Equal(new[] { 0.9f, 0.7f }, kept.Select(k => k.Score));
    }

    [Fact]
    public void Nms_WithContainment_DropsAPartialFaceInsideAWholeOne()
    {
        var whole = new FaceDetection(new BoxF(0, 0, 100, 100), 0.99f);
        var lowerHalf = new FaceDetection(new BoxF(10, 60, 90, 100), 0.6f);
        Assert.Equal(2, NonMaxSuppression.Apply([whole, lowerHalf], 0.4f).Count);
        Assert.Single(NonMaxSuppression.Apply([whole, lowerHalf], 0.4f, containmentThreshold: 0.6f));
    }

    [Fact]
    public void Merge_KeepsThePreferredBoxOfAFace_AndAddsFacesOnlyTheOthersFound()
    {
        var preferred = new FaceDetection(new BoxF(0, 0, 10, 12), 0.7f);
        var sameFaceScoredHigher = new FaceDetection(new BoxF(0, 1, 11, 12), 0.99f);
        var elsewhere = new FaceDetection(new BoxF(50, 50, 60, 60), 0.6f);

        var kept = NonMaxSuppression.Merge([preferred], [sameFaceScoredHigher, elsewhere], 0.4f, 0.6f);

        Assert.Equal([preferred, elsewhere], kept);
    }

    [Fact]
    public void TilePlanner_SmallImage_IsOneRegion() =>
        Assert.Equal([new PixelRect(0, 0, 640, 480)], TilePlanner.Plan(640, 480, 720, 128));

    [Fact]
    public void TilePlanner_720pFrame_CoversItWithOverlappingTiles()
    {
        var regions = TilePlanner.Plan(1280, 720, 720, 128);
        Assert.Equal(new PixelRect(0, 0, 1280, 720), regions[0]);
        var tiles = regions.Skip(1).ToList();
        Assert.Equal(2, tiles.Count);
        Assert.Equal(0, tiles[0].X);
        Assert.Equal(1280, tiles[^1].Right);
        Assert.True(tiles[0].Right - tiles[1].X >= 128, "neighbouring tiles overlap by at least the configured amount");
        Assert.All(tiles, t => Assert.True(t.Width <= 720 && t.Height <= 720));
    }

    [Fact]
    public void TilePlanner_LargeFrame_EveryPointLiesInATile()
    {
        var tiles = TilePlanner.Plan(1920, 1080, 512, 128).Skip(1).ToList();
        for (var y = 0; y < 1080; y += 37)
        {
            for (var x = 0; x < 1920; x += 41)
            {
                Assert.Contains(tiles, t => x >= t.X && x < t.Right && y >= t.Y && y < t.Bottom);
            }
        }
    }

    [Fact]
    public void TilePlanner_4KFrame_CostsNoMoreTilesThan1080p()
    {
        var fullHd = TilePlanner.Plan(1920, 1080, 720, 128);
        var uhd = TilePlanner.Plan(3840, 2160, 720, 128);
        Assert.Equal(fullHd.Count, uhd.Count);
        Assert.All(uhd.Skip(1), t => Assert.True(t.Width <= 1440 && t.Height <= 1440));
        for (var y = 0; y < 2160; y += 97)
        {
            for (var x = 0; x < 3840; x += 101)
            {
                Assert.Contains(uhd.Skip(1), t => x >= t.X && x < t.Right && y >= t.Y && y < t.Bottom);
            }
        }
    }

    [Theory]
    [InlineData(1280, 720, 512, 1024, 576, 0.8)]
    [InlineData(720, 1280, 512, 576, 1024, 0.8)]
    [InlineData(1920, 1080, 512, 1536, 864, 0.8)]
    [InlineData(3840, 2160, 512, 1536, 864, 0.4)]
    [InlineData(1000, 1000, 512, 800, 800, 0.8)]
    [InlineData(854, 480, 512, 704, 384, 0.8)]
    [InlineData(1280, 720, 416, 832, 480, 0.65)]
    public void ScaledPass_SeesThePictureAtTileResolutionOrFiner_InSidesOf32(int width, int height, int inputSide, int inputWidth, int inputHeight, double scale)
    {
        var region = new PixelRect(40, 0, width, height);
        var pass = ScaledPass.Plan(region, 640, inputSide)!.Value;

        Assert.Equal((region, inputWidth, inputHeight), (pass.Region, pass.Width, pass.Height));
        Assert.Equal(scale, pass.Scale, 6);
        Assert.True(width * pass.Scale <= inputWidth + 1e-9 && height * pass.Scale <= inputHeight + 1e-9, "the picture fits the input");
    }

    [Theory]
    [InlineData(800, 800, 640)]
    [InlineData(1280, 720, 0)]
    [InlineData(1280, 720, 1024)]
    public void ScaledPass_IsNotPlanned_WhereOneSquareRunSuffices(int width, int height, int tileSize) =>
        Assert.Null(ScaledPass.Plan(new PixelRect(0, 0, width, height), tileSize, 512));

    [Fact]
    public void ScaledPass_MapsTheInputsCornersToTheRegionsPixels()
    {
        var pass = ScaledPass.Plan(new PixelRect(100, 20, 1280, 720), 640, 512)!.Value;
        Assert.Equal(new BoxF(100, 20, 1380, 740), pass.ToImage(new BoxF(0, 0, 1, 1)));
    }

    [Fact]
    public void SsdAnchors_RefuseSidesThatAreNotMultiplesOf32() =>
        Assert.Throws<ArgumentException>(() => SsdAnchors.Generate(512, 720));

    [Fact]
    public void SsdAnchors_LeaveOutTheMapsWithPartCells()
    {
        // 928 = 29 x 32: the 16 and 32 px maps are whole (58 and 29 cells across), the 64 px map and coarser are not.
        Assert.Equal(((32 * 58 * 3) + (16 * 29 * 6)) * 4, SsdAnchors.Generate(512, 928).Length);
        Assert.Equal((32 * 58 * 3) + (16 * 29 * 6) + (8 * 15 * 6) + (4 * 8 * 6) + (2 * 4 * 6) + (1 * 2 * 6), SsdAnchors.OutputCount(512, 928));
        Assert.Equal(5118 * 4, SsdAnchors.Generate(512, 512).Length);
    }

    [Fact]
    public void SsdAnchors_OnAWiderInput_RepeatTheSquareInputsAnchorsInPixels()
    {
        var square = SsdAnchors.Generate(512, 512);
        var wide = SsdAnchors.Generate(512, 1024);
        Assert.Equal(SsdAnchors.OutputCount(512, 1024), wide.Length / 4);

        // The finest layer's first cell: the same box in pixels (x in 0..1 of twice the width).
        Assert.Equal(square[0] * 512, wide[0] * 512, 4);
        Assert.Equal(square[1] * 512, wide[1] * 1024, 4);
        Assert.Equal(square[2] * 512, wide[2] * 512, 4);
        Assert.Equal(square[3] * 512, wide[3] * 1024, 4);

        // The coarsest layer has one cell at 512x512 and two side by side at 512x1024, 512 px apart.
        var coarsest = square.Length - 24;
        var wideCoarsest = wide.Length - 48;
        Assert.Equal(square[coarsest + 1] * 512, wide[wideCoarsest + 1] * 1024, 3);
        Assert.Equal((square[coarsest + 1] * 512) + 512, wide[wideCoarsest + 24 + 1] * 1024, 3);
    }

    [Fact]
    public void ClipToPixels_ClipsAndFloorsLikeFaceApi()
    {
        Assert.Equal(new PixelRect(0, 5, 7, 4), new BoxF(-3.5f, 5.7f, 7.9f, 9.9f).ClipToPixels(100, 100));
        Assert.Equal(new PixelRect(90, 90, 9, 9), new BoxF(90.2f, 90.2f, 120f, 120f).ClipToPixels(100, 100));
    }
}
