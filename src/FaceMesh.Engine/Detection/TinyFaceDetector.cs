using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Detection;

/// <summary>
/// face-api.js's tiny face detector: each region is zero-padded at its end to a square and resized to
/// <see cref="InputSize"/>; a 5-anchor YOLO grid is decoded and suppressed (IoU 0.4) per region.
/// </summary>
public sealed class TinyFaceDetector(OnnxNet net, int inputSize = TinyFaceDetector.DefaultInputSize) : IFaceDetector
{
    public const int DefaultInputSize = 416;
    private const float IouThreshold = 0.4f;
    private static readonly (float W, float H)[] AnchorSizes =
        [(1.603231f, 2.094468f), (6.041143f, 7.080126f), (2.882459f, 3.518061f), (4.266906f, 5.178857f), (9.041765f, 10.66308f)];

    public int InputSize { get; } = inputSize % 32 == 0 && inputSize >= 64
        ? inputSize
        : throw new ArgumentOutOfRangeException(nameof(inputSize), "The tiny detector's input size must be a multiple of 32, at least 64.");

    public int InputSide => InputSize;

    public IReadOnlyList<IReadOnlyList<FaceDetection>> Detect(RgbImage image, IReadOnlyList<PixelRect> regions, float minConfidence)
    {
        var input = net.InputBuffer(regions.Count * 3 * InputSize * InputSize);
        NetInputWriter.WriteBatch(image, regions, InputSize, centerPadding: false, ChannelNormalization.TinyDetector, input.Span);
        using var outputs = net.Run(input, [regions.Count, 3, InputSize, InputSize]);
        var grid = outputs[0].GetTensorDataAsSpan<float>();
        var cells = (int)outputs[0].GetTensorTypeAndShape().Shape[1];
        var perRegion = cells * cells * AnchorSizes.Length * 5;

        var all = new List<FaceDetection>[regions.Count];
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            var side = (double)Math.Max(region.Width, region.Height);
            var reshapedWidth = Math.Round(region.Width * InputSize / side, MidpointRounding.AwayFromZero);
            var reshapedHeight = Math.Round(region.Height * InputSize / side, MidpointRounding.AwayFromZero);
            var correctX = (float)(Math.Max(reshapedWidth, reshapedHeight) / reshapedWidth);
            var correctY = (float)(Math.Max(reshapedWidth, reshapedHeight) / reshapedHeight);
            all[r] = NonMaxSuppression.Apply(
                Decode(grid.Slice(r * perRegion, perRegion), cells, cells, minConfidence).Select(cell => new FaceDetection(ToRegion(cell, correctX, correctY, region), cell.Score)),
                IouThreshold);
        }

        return all;
    }

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(RgbImage image, ScaledPass pass, float minConfidence)
    {
        var input = net.InputBuffer(3 * pass.Width * pass.Height);
        NetInputWriter.WriteScaled(image, pass.Region, pass.Width, pass.Height, (float)(1 / pass.Scale), ChannelNormalization.TinyDetector, input.Span);
        using var outputs = net.Run(input, [1, 3, pass.Height, pass.Width]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        return NonMaxSuppression.Apply(
            Decode(outputs[0].GetTensorDataAsSpan<float>(), (int)shape[1], (int)shape[2], minConfidence).Select(cell => new FaceDetection(pass.ToImage(cell.Box), cell.Score)),
            IouThreshold);
    }

    /// <summary>The grid's boxes scoring above the threshold: centre and size in 0..1 of the input's width and height.</summary>
    private static List<GridBox> Decode(ReadOnlySpan<float> grid, int rows, int columns, float minConfidence)
    {
        var found = new List<GridBox>();
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                for (var a = 0; a < AnchorSizes.Length; a++)
                {
                    var cell = grid.Slice((((row * columns) + col) * AnchorSizes.Length + a) * 5, 5);
                    var score = Sigmoid(cell[4]);
                    if (score <= minConfidence)
                    {
                        continue;
                    }

                    var centerX = (col + Sigmoid(cell[0])) / columns;
                    var centerY = (row + Sigmoid(cell[1])) / rows;
                    var width = MathF.Exp(cell[2]) * AnchorSizes[a].W / columns;
                    var height = MathF.Exp(cell[3]) * AnchorSizes[a].H / rows;
                    found.Add(new GridBox(centerX, centerY, width, height, score));
                }
            }
        }

        return found;
    }

    /// <summary>A box of a region's padded square, in the image's pixels, as face-api.js maps it.</summary>
    private static BoxF ToRegion(GridBox box, float correctX, float correctY, PixelRect region)
    {
        var (centerX, centerY) = (box.CenterX * correctX, box.CenterY * correctY);
        var (width, height) = (box.Width * correctX, box.Height * correctY);
        var left = ((centerX - (width / 2)) * region.Width) + region.X;
        var top = ((centerY - (height / 2)) * region.Height) + region.Y;
        return new BoxF(left, top, left + (width * region.Width), top + (height * region.Height));
    }

    private readonly record struct GridBox(float CenterX, float CenterY, float Width, float Height, float Score)
    {
        public BoxF Box => new(CenterX - (Width / 2), CenterY - (Height / 2), CenterX + (Width / 2), CenterY + (Height / 2));
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
