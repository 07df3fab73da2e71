using OpenCvSharp;

namespace FaceMesh.Pipeline.Tracking;

/// <summary>
/// A frame's look at a glance (16x9 grey levels) to tell shot cuts: consecutive sampled frames of one shot differ
/// little, a cut changes most of the picture. Faces are never linked into one track across a cut.
/// </summary>
public static class ShotSignature
{
    /// <summary>
    /// Mean grey-level difference (0-255) from which two frames are different shots. Within a shot sampled once a second
    /// camera motion and people moving give about 5-15; a cut between two shots 30 and more.
    /// </summary>
    public const float CutThreshold = 24f;

    public static byte[] Of(Mat bgr)
    {
        using var small = bgr.Resize(new Size(16, 9), interpolation: InterpolationFlags.Area);
        using var grey = small.CvtColor(ColorConversionCodes.BGR2GRAY);
        grey.GetArray(out byte[] pixels);
        return pixels;
    }

    public static bool IsCut(byte[] before, byte[] after)
    {
        var sum = 0;
        for (var i = 0; i < before.Length; i++)
        {
            sum += Math.Abs(before[i] - after[i]);
        }

        return before.Length != after.Length || (float)sum / before.Length >= CutThreshold;
    }
}
