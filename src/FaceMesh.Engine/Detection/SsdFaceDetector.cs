using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Models;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// SSD-MobileNetV1 over one or more regions of an image in one batched run. Each region is zero-padded at its end to a
/// square and resized to 512x512 as face-api.js does; boxes are decoded against the model's anchors, suppressed per
/// region (IoU 0.5, as face-api.js), mapped back to image pixels and merged across regions.
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
            var candidates = new List<FaceDetection>();
            for (var a = 0; a < Anchors; a++)
            {
                var score = Sigmoid(logits[(((r * Anchors) + a) * 3) + 1]);
                if (score > minConfidence)
                {
                    candidates.Add(new FaceDetection(Decode(encodings.Slice(((r * Anchors) + a) * 4, 4), anchors.Slice(a * 4, 4)), score));
                }
            }

            all[r] = NonMaxSuppression.Apply(candidates, IouThreshold, MaxResultsPerRegion)
                .Select(kept => kept with { Box = ToImage(kept.Box, regions[r]) })
                .ToList();
        }

        return all;
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

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
