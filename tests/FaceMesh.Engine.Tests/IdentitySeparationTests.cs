using FaceMesh.Engine.Alignment;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using OpenCvSharp;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>
/// Same person close, different people far, on the identity-labelled fixtures: upright as photographed and tilted by
/// ±20° (heads in footage tilt). Also the measurement behind the default alignment: the rotated chip keeps the
/// identities apart under tilt, face-api.js's square crop does not.
/// </summary>
[Collection(ModelsCollection.Name)]
public sealed class IdentitySeparationTests(ModelsFixture models, ITestOutputHelper output)
{
    private const float Threshold = 0.6f;

    [Fact]
    public void DefaultAlignment_IsRotated() => Assert.Equal(AlignmentMode.Rotated, new FaceEngineOptions().Alignment);

    [Theory]
    [InlineData(AlignmentMode.Rotated, new double[] { 0 })]
    [InlineData(AlignmentMode.Square, new double[] { 0 })]
    [InlineData(AlignmentMode.Rotated, new double[] { 0, 20, -20 })]
    public async Task EverySamePersonPair_IsCloserThanEveryDifferentPersonPair(AlignmentMode mode, double[] tilts)
    {
        var (maxSame, minDifferent) = await MeasureAsync(mode, tilts);
        output.WriteLine($"{mode}, tilts [{string.Join(", ", tilts)}]: farthest same-person pair {maxSame:F4}, closest different-person pair {minDifferent:F4}; margins to 0.6: {Threshold - maxSame:F4} / {minDifferent - Threshold:F4}");
        Assert.True(maxSame < minDifferent, $"same {maxSame:F4} >= different {minDifferent:F4}");
        Assert.True(maxSame < Threshold && minDifferent > Threshold, $"0.6 does not separate: same {maxSame:F4}, different {minDifferent:F4}");
    }

    [Fact]
    public async Task SquareCrop_LosesSeparationUnderTilt_WhereRotatedKeepsIt()
    {
        var rotated = await MeasureAsync(AlignmentMode.Rotated, [0, 20, -20]);
        var square = await MeasureAsync(AlignmentMode.Square, [0, 20, -20]);
        var rotatedGap = rotated.MinDifferent - rotated.MaxSame;
        var squareGap = square.MinDifferent - square.MaxSame;
        output.WriteLine($"gap between closest different and farthest same pair, tilted set: rotated {rotatedGap:F4}, square {squareGap:F4}");
        Assert.True(rotatedGap > squareGap, $"rotated {rotatedGap:F4} vs square {squareGap:F4}");
    }

    private async Task<(float MaxSame, float MinDifferent)> MeasureAsync(AlignmentMode mode, double[] tilts)
    {
        using var engine = await models.CreateEngineAsync(o => { o.Alignment = mode; o.TileSize = 0; });
        var people = new List<(string Person, float[] Descriptor)>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "people")).Order())
        {
            foreach (var file in Directory.GetFiles(folder).Order())
            {
                foreach (var tilt in tilts)
                {
                    var faces = engine.Analyze(Tilt(ImageDecoder.Load(file), tilt));
                    Assert.True(faces.Count > 0, $"no face in {file} tilted {tilt}");
                    people.Add((Path.GetFileName(folder), faces.MaxBy(f => f.Box.Area)!.Descriptor));
                }
            }
        }

        float maxSame = 0, minDifferent = float.MaxValue;
        for (var i = 0; i < people.Count; i++)
        {
            for (var j = i + 1; j < people.Count; j++)
            {
                var distance = ReferenceParityTests.Distance(people[i].Descriptor, people[j].Descriptor);
                if (people[i].Person == people[j].Person)
                {
                    maxSame = Math.Max(maxSame, distance);
                }
                else
                {
                    minDifferent = Math.Min(minDifferent, distance);
                }
            }
        }

        return (maxSame, minDifferent);
    }

    private static RgbImage Tilt(RgbImage image, double degrees)
    {
        if (degrees == 0)
        {
            return image;
        }

        using var bgr = image.ToBgrMat();
        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(bgr.Width / 2f, bgr.Height / 2f), degrees, 1.0);
        using var tilted = new Mat();
        Cv2.WarpAffine(bgr, tilted, rotation, bgr.Size(), InterpolationFlags.Linear, BorderTypes.Reflect101);
        return RgbImage.FromMat(tilted);
    }
}
