using System.Numerics;
using System.Security.Cryptography;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Recognition;
using FaceMesh.Testing;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>Our ONNX conversion and C# pre/post-processing against face-api.js run in Node on the same pixels.</summary>
[Collection(ModelsCollection.Name)]
public sealed class ReferenceParityTests(ModelsFixture models, ITestOutputHelper output) : IAsyncLifetime
{
    private FaceEngine _engine = null!;
    private FaceEngine _tiny = null!;

    public async Task InitializeAsync()
    {
        _engine = await models.CreateEngineAsync(o => { o.TileSize = 0; o.CropPadding = 0; o.SkipBlackBars = false; o.Precision = DetectorPrecision.Float32; });
        _tiny = await models.CreateEngineAsync(o => { o.TileSize = 0; o.CropPadding = 0; o.SkipBlackBars = false; o.Detector = DetectorKind.Tiny; });
    }

    public Task DisposeAsync()
    {
        _engine.Dispose();
        _tiny.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string> Files() => Golden.Files();

    [Fact]
    public void Golden_CoversEveryFixturePhoto()
    {
        var photos = Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(TestPaths.Fixtures, f).Replace('\\', '/'))
            .Order();
        Assert.Equal(photos, Golden.All.Select(i => i.File).Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decode_GivesTheSamePixelsTheReferenceSaw(string file)
    {
        var golden = Golden.Get(file);
        var image = ImageDecoder.Load(TestPaths.Fixture(file));
        Assert.Equal((golden.Width, golden.Height), (image.Width, image.Height));
        Assert.Equal(golden.RgbSha256, Convert.ToHexStringLower(SHA256.HashData(image.Pixels)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SsdDetection_MatchesReferenceBoxes(string file)
    {
        var golden = Golden.Get(file);
        var found = _engine.DetectFaces(ImageDecoder.Load(TestPaths.Fixture(file)));
        AssertSameBoxes(golden.Faces.Select(f => f.Box).ToList(), found);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void TinyDetection_MatchesReferenceBoxes(string file)
    {
        var golden = Golden.Get(file);
        var found = _tiny.DetectFaces(ImageDecoder.Load(TestPaths.Fixture(file)));
        AssertSameBoxes(golden.TinyFaces.Select(f => f.Box).ToList(), found);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Landmarks_OnTheReferenceBox_AreWithinTwoPixels(string file)
    {
        var golden = Golden.Get(file);
        var image = ImageDecoder.Load(TestPaths.Fixture(file));
        var landmarks = _engine.Landmarks.Detect(image, golden.Faces.Select(f => new FaceDetection(f.Box, f.Score)).ToList());
        for (var i = 0; i < golden.Faces.Count; i++)
        {
            var worst = landmarks[i].Points.Zip(golden.Faces[i].Landmarks, Vector2.Distance).Max();
            output.WriteLine($"{file} face {i}: worst landmark error {worst:F3} px");
            Assert.True(worst <= 2f, $"{file} face {i}: a landmark is {worst:F2} px from the reference");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Descriptor_OnTheReferenceChip_IsWithinOneHundredth(string file)
    {
        var golden = Golden.Get(file);
        var image = ImageDecoder.Load(TestPaths.Fixture(file));
        var chips = new float[golden.Faces.Count * DescriptorNet.ChipFloats];
        for (var i = 0; i < golden.Faces.Count; i++)
        {
            NetInputWriter.Write(image, golden.Faces[i].DescriptorCrop, DescriptorNet.ChipSize, centerPadding: true,
                ChannelNormalization.FaceNets, chips.AsSpan(i * DescriptorNet.ChipFloats, DescriptorNet.ChipFloats));
        }

        var descriptors = _engine.Descriptors.Compute(chips, golden.Faces.Count);
        for (var i = 0; i < golden.Faces.Count; i++)
        {
            var distance = Distance(descriptors[i], golden.Faces[i].Descriptor);
            output.WriteLine($"{file} face {i}: descriptor distance to reference {distance:F5}");
            Assert.True(distance <= 0.01f, $"{file} face {i}: descriptor is {distance:F4} from the reference");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SquareAlignmentBox_IsTheOneTheReferenceCut(string file)
    {
        var golden = Golden.Get(file);
        foreach (var face in golden.Faces)
        {
            var box = Alignment.FaceAligner.SquareBox(new Landmarks.FaceLandmarks68(face.Landmarks), face.LandmarkCrop, golden.Width, golden.Height);
            Assert.Equal(face.DescriptorCrop, box);
        }
    }

    private static void AssertSameBoxes(IReadOnlyList<BoxF> expected, IReadOnlyList<FaceDetection> found)
    {
        foreach (var reference in expected)
        {
            var best = found.Select(d => d.Box.IntersectionOverUnion(reference)).DefaultIfEmpty(0).Max();
            Assert.True(best >= 0.9f, $"reference face {reference} best IoU {best:F3}");
        }

        Assert.Equal(expected.Count, found.Count);
    }

    internal static float Distance(float[] a, float[] b) => MathF.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
