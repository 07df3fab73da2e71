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

    [Fact]
    public void ClipToPixels_ClipsAndFloorsLikeFaceApi()
    {
        Assert.Equal(new PixelRect(0, 5, 7, 4), new BoxF(-3.5f, 5.7f, 7.9f, 9.9f).ClipToPixels(100, 100));
        Assert.Equal(new PixelRect(90, 90, 9, 9), new BoxF(90.2f, 90.2f, 120f, 120f).ClipToPixels(100, 100));
    }
}
