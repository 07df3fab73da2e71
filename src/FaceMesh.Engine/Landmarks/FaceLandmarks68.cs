using System.Numerics;

namespace FaceMesh.Engine.Landmarks;

/// <summary>The 68 iBUG points of one face, in image pixels.</summary>
public sealed record FaceLandmarks68(Vector2[] Points)
{
    public Vector2 LeftEyeCenter => Mean(36, 42);

    public Vector2 RightEyeCenter => Mean(42, 48);

    public Vector2 MouthCenter => Mean(48, 68);

    public Vector2 NoseTip => Points[30];

    public FaceLandmarks68 Offset(float dx, float dy) => new([.. Points.Select(p => p + new Vector2(dx, dy))]);

    private Vector2 Mean(int from, int to)
    {
        var sum = Vector2.Zero;
        for (var i = from; i < to; i++)
        {
            sum += Points[i];
        }

        return sum / (to - from);
    }
}
