using FaceMesh.Engine.Clustering;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using OpenCvSharp;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>
/// Images a face fills: tight crops of the fixture faces (the detector's box on the full photo, 0-10% margin,
/// 100-200 px wide, colour and grey), close-up 720p frames, and face-less crops that must stay face-less.
/// </summary>
[Collection(ModelsCollection.Name)]
public sealed class TightCropRecallTests(ModelsFixture models, ITestOutputHelper output)
{
    private static readonly float[] Margins = [0f, 0.05f, 0.1f];
    private static readonly int[] Widths = [100, 150, 200];

    private static IEnumerable<string> Portraits => Golden.All
        .Where(i => i.File.StartsWith("people/", StringComparison.Ordinal) && i.Faces.Count == 1)
        .Select(i => i.File);

    [Fact]
    public async Task EveryTightCrop_GivesExactlyOneFace_OfTheSamePerson()
    {
        using var engine = await models.CreateEngineAsync();
        using var withoutPass = await models.CreateEngineAsync(o => o.CropPadding = 0);
        int crops = 0, found = 0, foundWithoutPass = 0;
        var misses = new List<string>();
        foreach (var file in Portraits)
        {
            var full = engine.Analyze(ImageDecoder.Load(TestPaths.Fixture(file))).Single();
            using var photo = Cv2.ImRead(TestPaths.Fixture(file), ImreadModes.Color);
            foreach (var (crop, label) in TightCrops(photo, full.Box))
            {
                crops++;
                var faces = engine.Analyze(crop);
                if (faces.Count == 1 && VectorDistance.Euclidean(faces[0].Descriptor, full.Descriptor) <= 0.4f)
                {
                    found++;
                }
                else
                {
                    misses.Add($"{file} {label}: {faces.Count} faces");
                }

                foundWithoutPass += withoutPass.Analyze(crop).Count(f => VectorDistance.Euclidean(f.Descriptor, full.Descriptor) <= 0.4f) == 1 ? 1 : 0;
            }
        }

        output.WriteLine($"{crops} tight crops: {found} give one face of the right person; without the padded pass {foundWithoutPass}");
        Assert.True(misses.Count == 0, string.Join("; ", misses));
        Assert.True(foundWithoutPass < found, "the padded pass must be what finds them");
    }

    [Fact]
    public async Task ACloseUp720pFrame_GivesItsOneFace()
    {
        using var engine = await models.CreateEngineAsync();
        foreach (var file in Portraits)
        {
            var full = engine.Analyze(ImageDecoder.Load(TestPaths.Fixture(file))).Single();
            using var photo = Cv2.ImRead(TestPaths.Fixture(file), ImreadModes.Color);
            var frame = CloseUp(photo, full.Box, heightShare: 0.8f);

            var face = Assert.Single(engine.Analyze(frame));
            Assert.True(VectorDistance.Euclidean(face.Descriptor, full.Descriptor) <= 0.4f, file);
        }
    }

    [Fact]
    public async Task FacelessCrops_GainNoFalseFaces()
    {
        using var engine = await models.CreateEngineAsync();
        using var withoutPass = await models.CreateEngineAsync(o => o.CropPadding = 0);
        int images = 0, falseFaces = 0, falseWithoutPass = 0;
        foreach (var file in Portraits)
        {
            var box = Golden.Get(file).Faces[0].Box;
            using var photo = Cv2.ImRead(TestPaths.Fixture(file), ImreadModes.Color);
            foreach (var crop in FacelessCrops(photo, box))
            {
                images++;
                falseFaces += engine.DetectFaces(crop).Count;
                falseWithoutPass += withoutPass.DetectFaces(crop).Count;
            }
        }

        output.WriteLine($"{images} face-less crops: {falseFaces} faces found, {falseWithoutPass} without the padded pass");
        Assert.True(falseFaces <= falseWithoutPass, $"{falseFaces} false faces, {falseWithoutPass} without the padded pass");
    }

    private static IEnumerable<(RgbImage Crop, string Label)> TightCrops(Mat photo, BoxF box)
    {
        foreach (var margin in Margins)
        {
            foreach (var width in Widths)
            {
                foreach (var grey in new[] { false, true })
                {
                    var rect = Around(photo, box, margin);
                    using var cut = new Mat(photo, rect);
                    using var small = new Mat();
                    Cv2.Resize(cut, small, new Size(width, (int)Math.Round(width * (double)rect.Height / rect.Width)), interpolation: InterpolationFlags.Area);
                    if (grey)
                    {
                        Cv2.CvtColor(small, small, ColorConversionCodes.BGR2GRAY);
                    }

                    yield return (RgbImage.FromMat(small), $"margin {margin:P0} {width} px{(grey ? " grey" : string.Empty)}");
                }
            }
        }
    }

    /// <summary>The photo scaled so the face is <paramref name="heightShare"/> of a 720p frame's height, centred on it.</summary>
    private static RgbImage CloseUp(Mat photo, BoxF face, float heightShare)
    {
        var scale = 720 * heightShare / face.Height;
        using var big = new Mat();
        Cv2.Resize(photo, big, new Size((int)(photo.Width * scale), (int)(photo.Height * scale)), interpolation: InterpolationFlags.Cubic);
        const int Border = 1400;
        using var bordered = new Mat();
        Cv2.CopyMakeBorder(big, bordered, Border, Border, Border, Border, BorderTypes.Reflect101);
        var x = (int)(face.CenterX * scale) + Border - 640;
        var y = (int)(face.CenterY * scale) + Border - 360;
        using var frame = new Mat(bordered, new Rect(x, y, 1280, 720));
        return RgbImage.FromMat(frame.Clone());
    }

    /// <summary>Squares of the photo beside and below the face (shoulders, clothes, background), small as thumbnails.</summary>
    private static IEnumerable<RgbImage> FacelessCrops(Mat photo, BoxF face)
    {
        var side = (int)Math.Min(face.Width, face.Height);
        var candidates = new[]
        {
            new Rect((int)face.Left, (int)face.Bottom + (side / 4), side, side),
            new Rect((int)face.Left - (side * 5 / 4), (int)face.Top, side, side),
            new Rect((int)face.Right + (side / 4), (int)face.Top, side, side),
            new Rect((int)face.Left - side, (int)face.Bottom + (side / 4), side, side),
            new Rect((int)face.Right, (int)face.Bottom + (side / 4), side, side),
        };
        foreach (var rect in candidates.Where(r => r.X >= 0 && r.Y >= 0 && r.Right <= photo.Width && r.Bottom <= photo.Height))
        {
            foreach (var width in Widths)
            {
                using var cut = new Mat(photo, rect);
                using var small = new Mat();
                Cv2.Resize(cut, small, new Size(width, width), interpolation: InterpolationFlags.Area);
                yield return RgbImage.FromMat(small);
            }
        }
    }

    private static Rect Around(Mat photo, BoxF box, float margin)
    {
        var (mx, my) = (box.Width * margin, box.Height * margin);
        var x = (int)Math.Max(0, box.Left - mx);
        var y = (int)Math.Max(0, box.Top - my);
        return new Rect(x, y, (int)Math.Min(photo.Width - x, box.Width + (2 * mx)), (int)Math.Min(photo.Height - y, box.Height + (2 * my)));
    }
}
