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

    /// <summary>
    /// The shot of each of consecutive sampled frames, counted from 0: a new one begins at each cut, and around a frame
    /// with no signature (it failed, or was recorded before signatures), since nothing says the shot went on.
    /// </summary>
    public static int[] Shots(IReadOnlyList<byte[]?> signatures)
    {
        var shots = new int[signatures.Count];
        for (var i = 1; i < signatures.Count; i++)
        {
            var (before, after) = (signatures[i - 1], signatures[i]);
            shots[i] = shots[i - 1] + (before is null || after is null || IsCut(before, after) ? 1 : 0);
        }

        return shots;
    }

    public static bool IsCut(byte[] before, byte[] after)
    {
        if (before.Length != after.Length)
        {
            return true;
        }

        var sum = 0;
        for (var i = 0; i < before.Length; i++)
        {
            sum += Math.Abs(before[i] - after[i]);
        }

        return (float)sum / before.Length >= CutThreshold;
    }
}
