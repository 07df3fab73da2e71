using System.Buffers.Binary;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using OpenCvSharp;

namespace FaceMesh.Engine.Tests;

[Collection(ModelsCollection.Name)]
public sealed class BadInputTests(ModelsFixture models) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-bad-input-").FullName;

    [Fact]
    public void NonImageBytes_AreRejectedWithAClearMessage()
    {
        var path = Write("notes.jpg", "this is not a JPEG"u8.ToArray());
        var error = Assert.Throws<InvalidImageException>(() => ImageDecoder.Load(path));
        Assert.Contains("not a readable image", error.Message);
    }

    [Fact]
    public void ZeroByteFile_IsRejected()
    {
        var error = Assert.Throws<InvalidImageException>(() => ImageDecoder.Load(Write("empty.png", [])));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void MissingFile_IsRejected() =>
        Assert.Contains("no such file", Assert.Throws<InvalidImageException>(() => ImageDecoder.Load(Path.Combine(_folder, "nope.jpg"))).Message);

    [Fact]
    public async Task TruncatedJpeg_GivesAnErrorOrAPartialImage_NeverACrash()
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("people/obama/obama.jpg"));
        var path = Write("truncated.jpg", bytes[..(bytes.Length / 3)]);
        using var engine = await models.CreateEngineAsync();
        try
        {
            var image = ImageDecoder.Load(path);
            Assert.NotNull(engine.Analyze(image));
        }
        catch (InvalidImageException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public async Task GrayscaleAndFourChannelImages_AreAnalyzed()
    {
        using var engine = await models.CreateEngineAsync();
        using var color = Cv2.ImRead(TestPaths.Fixture("people/obama/obama.jpg"));
        using var gray = color.CvtColor(ColorConversionCodes.BGR2GRAY);
        var grayPath = Path.Combine(_folder, "gray.png");
        Cv2.ImWrite(grayPath, gray);
        Assert.Single(engine.Analyze(ImageDecoder.Load(grayPath)));
        Assert.Single(engine.Analyze(ImageDecoder.Load(TestPaths.Fixture("odd/32bit.png"))));
    }

    [Fact]
    public async Task OnePixelImage_HasNoFaces()
    {
        using var engine = await models.CreateEngineAsync();
        using var pixel = new Mat(1, 1, MatType.CV_8UC3, Scalar.All(128));
        var path = Path.Combine(_folder, "pixel.png");
        Cv2.ImWrite(path, pixel);
        Assert.Empty(engine.Analyze(ImageDecoder.Load(path)));
    }

    [Fact]
    public void HugeDeclaredSize_IsRefusedBeforeDecoding()
    {
        using var small = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(0));
        Cv2.ImEncode(".png", small, out var png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 20000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 20000);
        var error = Assert.Throws<InvalidImageException>(() => ImageDecoder.Decode(png, "huge.png"));
        Assert.Contains("20000x20000", error.Message);
    }

    [Fact]
    public void HugeJpegHeader_IsRead() =>
        Assert.Equal((20000, 20000), ImageHeader.TryReadSize(JpegHeader(20000, 20000)));

    private static byte[] JpegHeader(int width, int height)
    {
        var bytes = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 0, 3, 0, 0, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(13), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(15), (ushort)width);
        return bytes;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
