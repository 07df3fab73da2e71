using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>Faces of 40-80 px in 1280x720 frames: what footage of rooms looks like, and what face-api.js misses.</summary>
[Collection(ModelsCollection.Name)]
public sealed class SmallFaceRecallTests(ModelsFixture models, ITestOutputHelper output)
{
    [Fact]
    public async Task TiledDetection_FindsSmallFaces_ThatWholeFrameDetectionMisses()
    {
        using var tiled = await models.CreateEngineAsync();
        using var wholeFrame = await models.CreateEngineAsync(o => o.TileSize = 0);
        var sources = SyntheticFrame.Portraits();

        int truthCount = 0, foundTiled = 0, foundWhole = 0, falseTiled = 0;
        for (var seed = 0; seed < 3; seed++)
        {
            var rotated = sources.Skip(seed * 5).Concat(sources.Take(seed * 5)).ToList();
            var (frame, truth) = SyntheticFrame.Build(1280, 720, rotated, [40, 48, 56, 64, 72, 80], seed);
            var tiledFaces = tiled.DetectFaces(frame);
            var wholeFaces = wholeFrame.DetectFaces(frame);
            truthCount += truth.Count;
            foundTiled += truth.Count(t => tiledFaces.Any(d => SyntheticFrame.Finds(d.Box, t.Face)));
            foundWhole += truth.Count(t => wholeFaces.Any(d => SyntheticFrame.Finds(d.Box, t.Face)));
            falseTiled += tiledFaces.Count(d => !truth.Any(t => SyntheticFrame.Finds(d.Box, t.Face)));
        }

        var recallTiled = (double)foundTiled / truthCount;
        var recallWhole = (double)foundWhole / truthCount;
        output.WriteLine($"{truthCount} faces of 40-80 px: recall tiled {recallTiled:P1}, whole frame only {recallWhole:P1}; {falseTiled} tiled detections matched no face");
        Assert.True(recallTiled >= 0.9, $"tiled recall {recallTiled:P1}");
        Assert.True(recallTiled > recallWhole, "tiling must find faces the whole-frame pass misses");
        Assert.True(falseTiled <= truthCount / 10, $"{falseTiled} false detections");
    }
}
