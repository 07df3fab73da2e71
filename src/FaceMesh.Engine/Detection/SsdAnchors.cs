namespace FaceMesh.Engine.Detection;

/// <summary>
/// The SSD detector's anchors for an input of any size whose sides are multiples of 32, as (ymin, xmin, ymax, xmax) in
/// 0..1 of that input. Every cell gets the anchors the same cell has at 512x512 (TensorFlow's SSD anchor generator: six
/// feature maps at strides 16 to 512 px, scales 0.2 to 0.95 of 512 px; three anchors on the finest map, six on the
/// others: aspect ratio 1 at the map's scale and at one between it and the next map's, then 2, 1/2, 3, 1/3), so a face
/// gets the same anchors, in pixels, wherever it lies. At 512x512 these are the anchors the weights carry.
/// </summary>
/// <remarks>
/// A map whose stride does not divide both sides has a part cell, which TensorFlow's SAME padding aligns differently
/// from the 512x512 grid; those maps (the coarse ones, for faces of 250 px and more) get no anchors here, and the
/// network's outputs for them are left unread.
/// </remarks>
public static class SsdAnchors
{
    /// <summary>Sides of the input must be multiples of this, so the two finest maps (faces up to ~200 px) are whole.</summary>
    public const int SideStep = ScaledPass.SideStep;

    private const int Maps = 6;
    private const int FinestStride = 16;
    private const int Reference = 512;
    private const float MinScale = 0.2f;
    private const float MaxScale = 0.95f;
    private static readonly float[] AspectRatios = [1f, 2f, 0.5f, 3f, 0.3333f];

    /// <summary>How many anchors the network outputs for this input: one per cell and box of every map, part cells included.</summary>
    public static int OutputCount(int height, int width)
    {
        RequireSides(height, width);
        return Enumerable.Range(0, Maps).Sum(map => CellsAlong(height, map) * CellsAlong(width, map) * BoxSpecs(map).Length);
    }

    /// <summary>The anchors of the maps with whole cells only: the first outputs, in the network's order.</summary>
    public static float[] Generate(int height, int width)
    {
        RequireSides(height, width);
        var anchors = new List<float>();
        for (var map = 0; map < Maps && height % Stride(map) == 0 && width % Stride(map) == 0; map++)
        {
            var stride = Stride(map);
            for (var row = 0; row < height / stride; row++)
            {
                for (var column = 0; column < width / stride; column++)
                {
                    var (centerY, centerX) = ((row + 0.5f) * stride, (column + 0.5f) * stride);
                    foreach (var (scale, ratio) in BoxSpecs(map))
                    {
                        var halfHeight = scale / MathF.Sqrt(ratio) * Reference / 2;
                        var halfWidth = scale * MathF.Sqrt(ratio) * Reference / 2;
                        anchors.AddRange([(centerY - halfHeight) / height, (centerX - halfWidth) / width, (centerY + halfHeight) / height, (centerX + halfWidth) / width]);
                    }
                }
            }
        }

        return [.. anchors];
    }

    private static int Stride(int map) => FinestStride << map;

    /// <summary>TensorFlow's SAME convolutions round every halving up.</summary>
    private static int CellsAlong(int side, int map) => (side + Stride(map) - 1) / Stride(map);

    private static (float Scale, float Ratio)[] BoxSpecs(int map)
    {
        var scale = Scale(map);
        if (map == 0)
        {
            return [(0.1f, 1f), (scale, 2f), (scale, 0.5f)];
        }

        var specs = AspectRatios.Select(ratio => (scale, ratio)).ToList();
        specs.Insert(1, (MathF.Sqrt(scale * Scale(map + 1)), 1f));
        return [.. specs];
    }

    private static float Scale(int map) => map < Maps ? MinScale + ((MaxScale - MinScale) * map / (Maps - 1)) : 1f;

    private static void RequireSides(int height, int width)
    {
        if (height <= 0 || width <= 0 || height % SideStep != 0 || width % SideStep != 0)
        {
            throw new ArgumentException($"SSD input sides must be positive multiples of {SideStep}, not {width}x{height}.");
        }
    }
}
