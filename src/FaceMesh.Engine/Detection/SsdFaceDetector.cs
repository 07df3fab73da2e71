using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// SSD-MobileNetV1 over one or more regions of an image in one batched run. Each region is zero-padded at its end to a
/// square and resized to 512x512 as face-api.js does; boxes are decoded against the model's anchors, suppressed per
/// region (IoU 0.5, as face-api.js), mapped back to image pixels and merged across regions. Or over one
/// <see cref="ScaledPass"/>, decoded against <see cref="SsdAnchors"/>. Serves one thread at a time, as its engine does.
/// </summary>
public sealed class SsdFaceDetector(OnnxNet net) : IFaceDetector
{
    /// <summary>The network's square input and its anchor count, as the converted model has them.</summary>
    public const int InputSize = 512;
    public const int AnchorCount = 5118;
    private const int Size = InputSize;
    private const int Anchors = AnchorCount;
    private const float IouThreshold = 0.5f;
    private const int MaxResultsPerRegion = 100;
    private (int Height, int Width, float[] Boxes)? _anchors;

    public int InputSide => Size;

    public IReadOnlyList<IReadOnlyList<FaceDetection>> Detect(RgbImage image, IReadOnlyList<PixelRect> regions, float minConfidence)
    {
        var input = net.InputBuffer(regions.Count * 3 * Size * Size);
        NetInputWriter.WriteBatch(image, regions, Size, centerPadding: false, ChannelNormalization.Ssd, input.Span);
        using var outputs = net.Run(input, [regions.Count, 3, Size, Size]);
        var encodings = outputs[0].GetTensorDataAsSpan<float>();
        var logits = outputs[1].GetTensorDataAsSpan<float>();
        var anchors = outputs[2].GetTensorDataAsSpan<float>();

        var all = new List<FaceDetection>[regions.Count];
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            all[r] = Candidates(encodings, logits, anchors, r * Anchors, minConfidence, MaxResultsPerRegion)
                .Select(kept => kept with { Box = ToImage(kept.Box, region) })
                .ToList();
        }

        return all;
    }

    /// <inheritdoc/>
    /// <remarks>Keeps up to as many faces per 512x512 of input as one region does.</remarks>
    public IReadOnlyList<FaceDetection> Detect(RgbImage image, ScaledPass pass, float minConfidence)
    {
        var input = net.InputBuffer(3 * pass.Width * pass.Height);
        NetInputWriter.WriteScaled(image, pass.Region, pass.Width, pass.Height, (float)(1 / pass.Scale), ChannelNormalization.Ssd, input.Span);
        using var outputs = net.Run(input, [1, 3, pass.Height, pass.Width]);
        var anchors = AnchorsFor(pass.Height, pass.Width);
        var maxResults = MaxResultsPerRegion * pass.Width * pass.Height / (Size * Size);
        return Candidates(outputs[0].GetTensorDataAsSpan<float>(), outputs[1].GetTensorDataAsSpan<float>(), anchors, 0, minConfidence, maxResults)
            .Select(kept => kept with { Box = pass.ToImage(ClipToInput(kept.Box)) })
            .ToList();
    }

    /// <summary>The anchors of the last input size only: footage keeps one size, and a folder of photos has many.</summary>
    private float[] AnchorsFor(int height, int width)
    {
        if (_anchors is not { } last || last.Height != height || last.Width != width)
        {
            _anchors = last = (height, width, SsdAnchors.Generate(height, width));
        }

        return last.Boxes;
    }

    /// <summary>
    /// The outputs from <paramref name="first"/> on, one per given anchor, scoring above the threshold, decoded (0..1 of
    /// the input) and suppressed.
    /// </summary>
    private static IReadOnlyList<FaceDetection> Candidates(ReadOnlySpan<float> encodings, ReadOnlySpan<float> logits, ReadOnlySpan<float> anchors, int first, float minConfidence, int maxResults)
    {
        var candidates = new List<FaceDetection>();
        for (var a = 0; a < anchors.Length / 4; a++)
        {
            var score = Sigmoid(logits[((first + a) * 3) + 1]);
            if (score > minConfidence)
            {
                candidates.Add(new FaceDetection(Decode(encodings.Slice((first + a) * 4, 4), anchors.Slice(a * 4, 4)), score));
            }
        }

        return NonMaxSuppression.Apply(candidates, IouThreshold, maxResults);
    }

    /// <summary>Decodes one box as [ymin, xmin, ymax, xmax] in the padded square's 0..1 coordinates (stored as a BoxF).</summary>
    private static BoxF Decode(ReadOnlySpan<float> encoding, ReadOnlySpan<float> anchor)
    {
        var anchorHeight = anchor[2] - anchor[0];
        var anchorWidth = anchor[3] - anchor[1];
        var centerY = anchor[0] + (anchorHeight / 2);
        var centerX = anchor[1] + (anchorWidth / 2);
        var halfHeight = MathF.Exp(encoding[2] / 5) * anchorHeight / 2;
        var halfWidth = MathF.Exp(encoding[3] / 5) * anchorWidth / 2;
        var y = (encoding[0] / 10 * anchorHeight) + centerY;
        var x = (encoding[1] / 10 * anchorWidth) + centerX;
        return new BoxF(x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight);
    }

    /// <summary>Clips to the padded square and maps to pixels as face-api.js does (via the rounded resized size).</summary>
    private static BoxF ToImage(BoxF box, PixelRect region)
    {
        var scale = (double)Size / Math.Max(region.Width, region.Height);
        var padX = Size / Math.Round(region.Width * scale, MidpointRounding.AwayFromZero);
        var padY = Size / Math.Round(region.Height * scale, MidpointRounding.AwayFromZero);
        var left = Math.Max(0, box.Left) * padX * region.Width;
        var right = Math.Min(1, box.Right) * padX * region.Width;
        var top = Math.Max(0, box.Top) * padY * region.Height;
        var bottom = Math.Min(1, box.Bottom) * padY * region.Height;
        return new BoxF((float)(left + region.X), (float)(top + region.Y), (float)(right + region.X), (float)(bottom + region.Y));
    }

    private static BoxF ClipToInput(BoxF box) => new(Math.Max(0, box.Left), Math.Max(0, box.Top), Math.Min(1, box.Right), Math.Min(1, box.Bottom));

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
