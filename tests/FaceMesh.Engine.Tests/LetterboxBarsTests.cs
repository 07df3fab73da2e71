using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using OpenCvSharp;
using Xunit.Abstractions;

namespace FaceMesh.Engine.Tests;

/// <summary>Black bars around the picture: found where they are, never in dark scenery, and detection skips them.</summary>
[Collection(ModelsCollection.Name)]
public sealed class LetterboxBarsTests(ModelsFixture models, ITestOutputHelper output)
{
    [Fact]
    public void PillarboxAndLetterbox_AreCroppedToThePicture()
    {
        var (pillarboxed, pillar) = Boxed(1280, 720, new Rect(438, 0, 405, 720));
        var (letterboxed, letter) = Boxed(1280, 720, new Rect(0, 92, 1280, 536));

        AssertHolds(LetterboxBars.Content(pillarboxed), pillar);
        AssertHolds(LetterboxBars.Content(letterboxed), letter);
    }

    /// <summary>The picture, and at most a compression block of bar around it.</summary>
    private static void AssertHolds(PixelRect found, Rect picture)
    {
        Assert.InRange(found.X, picture.X - 8, picture.X);
        Assert.InRange(found.Y, picture.Y - 8, picture.Y);
        Assert.InRange(found.Right, picture.Right, picture.Right + 8);
        Assert.InRange(found.Bottom, picture.Bottom, picture.Bottom + 8);
    }

    [Fact]
    public void FullFrames_DarkScenery_ThinBorders_AndAllBlackFrames_AreLeftWhole()
    {
        var whole = new PixelRect(0, 0, 640, 360);
        var (fullFrame, _) = Boxed(640, 360, new Rect(0, 0, 640, 360));
        var (thinBorder, _) = Boxed(640, 360, new Rect(8, 0, 624, 360));
        var black = Image(640, 360, _ => { });
        var dark = Image(640, 360, mat =>
        {
            // A night scene: dark everywhere, but with texture a face could hide in.
            using var noise = new Mat(360 / 4, 640 / 4, MatType.CV_8UC3);
            Cv2.Randu(noise, Scalar.All(0), Scalar.All(45));
            Cv2.Resize(noise, mat, new Size(640, 360), interpolation: InterpolationFlags.Cubic);
        });

        Assert.Equal(whole, LetterboxBars.Content(fullFrame));
        Assert.Equal(whole, LetterboxBars.Content(thinBorder));
        Assert.Equal(whole, LetterboxBars.Content(black));
        Assert.Equal(whole, LetterboxBars.Content(dark));
    }

    [Fact]
    public async Task APortraitPictureInALandscapeFrame_IsDetectedAlone_FindingTheFacesTheWholeFramesPassesFound()
    {
        using var skipping = await models.CreateEngineAsync();
        using var everywhere = await models.CreateEngineAsync(o => o.SkipBlackBars = false);
        var sources = SyntheticFrame.Portraits();
        int truthCount = 0, foundSkipping = 0, foundEverywhere = 0, falseSkipping = 0, cut = 0, cutSkipping = 0, cutEverywhere = 0;
        for (var seed = 0; seed < 3; seed++)
        {
            // The picture a phone held upright records, 405x720, with faces of 28-64 px, pillarboxed in 1280x720.
            var rotated = sources.Skip(seed * 5).Concat(sources.Take(seed * 5)).ToList();
            var (picture, truth) = SyntheticFrame.Build(405, 720, rotated, [28, 36, 44, 52, 64], seed);
            var frame = Pillarbox(picture, 1280, 437);

            Assert.Null(skipping.ScaledPassFor(skipping.Picture(frame)));
            Assert.Single(skipping.DetectionRegions(skipping.Picture(frame)));
            Assert.Equal(new PixelRect(0, 0, 1280, 720), everywhere.ScaledPassFor(everywhere.Picture(frame))?.Region);
            var skippingFaces = skipping.DetectFaces(frame);
            var everywhereFaces = everywhere.DetectFaces(frame);
            foreach (var face in truth.Select(t => t.Face.Offset(437, 0)))
            {
                var bySkipping = skippingFaces.Any(d => SyntheticFrame.Finds(d.Box, face));
                var byEverywhere = everywhereFaces.Any(d => SyntheticFrame.Finds(d.Box, face));

                // Faces the picture's edge cuts (the builder clips them) are found or missed by either at random.
                if (face.Right > 437 + 405)
                {
                    (cut, cutSkipping, cutEverywhere) = (cut + 1, cutSkipping + (bySkipping ? 1 : 0), cutEverywhere + (byEverywhere ? 1 : 0));
                    continue;
                }

                (truthCount, foundSkipping, foundEverywhere) = (truthCount + 1, foundSkipping + (bySkipping ? 1 : 0), foundEverywhere + (byEverywhere ? 1 : 0));
            }

            falseSkipping += skippingFaces.Count(d => !truth.Any(t => SyntheticFrame.Finds(d.Box, t.Face.Offset(437, 0))));
        }

        output.WriteLine($"{truthCount} whole faces of 28-64 px in a pillarboxed portrait picture: bars skipped {foundSkipping}, whole frame {foundEverywhere}; "
            + $"{falseSkipping} false; faces cut by the picture's edge: {cut}, found {cutSkipping} and {cutEverywhere}");
        Assert.True(foundSkipping >= foundEverywhere, $"skipping the bars found {foundSkipping}, detecting everywhere {foundEverywhere}");
        Assert.True(foundSkipping >= 0.9 * truthCount, $"{foundSkipping} of {truthCount}");
        Assert.True(falseSkipping <= truthCount / 10, $"{falseSkipping} false detections");
    }

    private static RgbImage Pillarbox(RgbImage picture, int width, int x) => Image(width, picture.Height, mat =>
    {
        using var source = picture.ToBgrMat();
        using var target = new Mat(mat, new Rect(x, 0, picture.Width, picture.Height));
        source.CopyTo(target);
    });

    private static (RgbImage Image, Rect Picture) Boxed(int width, int height, Rect picture) => (Image(width, height, mat =>
    {
        var (content, _) = SyntheticFrame.Build(picture.Width, picture.Height, SyntheticFrame.Portraits(), [60], seed: 1);
        using var source = content.ToBgrMat();
        using var target = new Mat(mat, picture);
        source.CopyTo(target);
    }), picture);

    /// <summary>An image drawn on near-black, through JPEG: bars through a codec are not exactly black.</summary>
    private static RgbImage Image(int width, int height, Action<Mat> draw)
    {
        using var mat = new Mat(height, width, MatType.CV_8UC3, new Scalar(8, 8, 8));
        draw(mat);
        Cv2.ImEncode(".jpg", mat, out var jpeg, [new ImageEncodingParam(ImwriteFlags.JpegQuality, 70)]);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        return RgbImage.FromMat(decoded);
    }
}
