namespace FaceMesh.Engine.Imaging;

/// <summary>A box in image pixels, [left, top, right, bottom].</summary>
public readonly record struct BoxF(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public float CenterX => (Left + Right) / 2;

    public float CenterY => (Top + Bottom) / 2;

    public float IntersectionOverUnion(BoxF other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>Clips to the image and floors to whole pixels, as face-api.js's <c>clipAtImageBorders</c> does.</summary>
    public PixelRect ClipToPixels(int imageWidth, int imageHeight)
    {
        var x = Math.Max(Left, 0);
        var y = Math.Max(Top, 0);
        var width = Math.Min(Right - x, imageWidth - x);
        var height = Math.Min(Bottom - y, imageHeight - y);
        return new PixelRect((int)MathF.Floor(x), (int)MathF.Floor(y), (int)MathF.Floor(width), (int)MathF.Floor(height));
    }

    public float[] ToArray() => [Left, Top, Right, Bottom];

    public BoxF Offset(float dx, float dy) => new(Left + dx, Top + dy, Right + dx, Bottom + dy);
}
