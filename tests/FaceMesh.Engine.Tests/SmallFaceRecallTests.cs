using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>Faces of 40-80 px in 1280x720 frames: what footage of rooms looks like, and what face-api.js misses.</summary>
[Collection(ModelsCollection.Name)]
public sealed class SmallFaceRecallTests(ModelsFixture models, ITestOutputHelper output)
{
    [Fact]
    public async Task DefaultDetection_FindsSmallFaces_ThatWholeFrameDetectionMisses()
    {
        using var tiled = await models.CreateEngineAsync();
        using var wholeFrame = await models.CreateEngineAsync(o => o.TileSize = 0);
        var sources = SyntheticFrame.Portraits();

        int truthCount = 0, foundTiled = 0, foundWhole = 0, falseTiled = 0;
        for (var seed = 0; seed < 3; seed++)
        {
            var rotated = sources.Skip(seed * 5).Concat(sources.Take(seed * 5)).ToList();
            var (frame, truth) = SyntheticFrame.Build(1280, 720, rotated, [40, 48, 56, 64, 72, 80], seed);
            var (tiledFound, tiledFalse) = SyntheticFrame.Score(truth, tiled.DetectFaces(frame));
            truthCount += truth.Count;
            foundTiled += tiledFound;
            foundWhole += SyntheticFrame.Score(truth, wholeFrame.DetectFaces(frame)).Found;
            falseTiled += tiledFalse;
        }

        var recallTiled = (double)foundTiled / truthCount;
        var recallWhole = (double)foundWhole / truthCount;
        output.WriteLine($"{truthCount} faces of 40-80 px: recall tiled {recallTiled:P1}, whole frame only {recallWhole:P1}; {falseTiled} tiled detections matched no face");
        Assert.True(recallTiled >= 0.9, $"tiled recall {recallTiled:P1}");
        Assert.True(recallTiled > recallWhole, "tiling must find faces the whole-frame pass misses");
        Assert.True(falseTiled <= truthCount / 10, $"{falseTiled} false detections");
    }

    /// <summary>
    /// The default (the whole frame and a scaled pass at the resolution of 640 px tiles) against what it replaced (the
    /// whole frame and 720 px tiles), on 18-80 px faces in 720p and 1080p frames, lit and dark (x0.45): per frame
    /// size, no fewer faces found, and no more false ones than one per hundred faces beyond the tiles' (the tiny
    /// detector's finer pass finds more faces and a few more false ones with them).
    /// </summary>
    [Theory]
    [InlineData(DetectorKind.Ssd)]
    [InlineData(DetectorKind.Tiny)]
    public async Task ScaledPass_FindsAtLeastTheFacesTilesFound(DetectorKind detector)
    {
        using var scaled = await models.CreateEngineAsync(o => o.Detector = detector);
        using var tiles = await models.CreateEngineAsync(o => (o.Detector, o.Tiling, o.TileSize) = (detector, TilingMode.Tiles, 720));
        var sources = SyntheticFrame.Portraits();

        foreach (var (width, height) in new[] { (1280, 720), (1920, 1080) })
        {
            var (truthCount, foundScaled, foundTiles, falseScaled, falseTiles) = (0, 0, 0, 0, 0);
            foreach (var brightness in new[] { 1.0, 0.45 })
            {
                for (var seed = 0; seed < 12; seed++)
                {
                    var rotated = sources.Skip(seed * 2).Concat(sources.Take(seed * 2)).ToList();
                    var (frame, truth) = SyntheticFrame.Build(width, height, rotated, [18, 20, 22, 24, 28, 32, 40, 48, 64, 80], seed + 300);
                    Darken(frame, brightness);
                    var byScaled = SyntheticFrame.Score(truth, scaled.DetectFaces(frame));
                    var byTiles = SyntheticFrame.Score(truth, tiles.DetectFaces(frame));
                    (truthCount, foundScaled, foundTiles) = (truthCount + truth.Count, foundScaled + byScaled.Found, foundTiles + byTiles.Found);
                    (falseScaled, falseTiles) = (falseScaled + byScaled.False, falseTiles + byTiles.False);
                }
            }

            output.WriteLine($"{detector} {width}x{height}: {truthCount} faces, scaled pass {foundScaled} ({falseScaled} false), 720 px tiles {foundTiles} ({falseTiles} false)");
            Assert.True(foundScaled >= foundTiles, $"{width}x{height}: the scaled pass found {foundScaled} of {truthCount}, tiles {foundTiles}");
            Assert.True(falseScaled <= falseTiles + (truthCount / 100), $"{width}x{height}: {falseScaled} false detections against {falseTiles}");
        }
    }

    private static void Darken(RgbImage frame, double brightness)
    {
        for (var i = 0; i < frame.Pixels.Length; i++)
        {
            frame.Pixels[i] = (byte)(frame.Pixels[i] * brightness);
        }
    }
}
