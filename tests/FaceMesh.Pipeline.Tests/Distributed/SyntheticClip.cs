using OpenCvSharp;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>Face-less footage for the stages' bookkeeping tests: a grey ramp at 10 fps, MPEG-4 part 2.</summary>
public static class SyntheticClip
{
    public static string Write(string folder, int seconds)
    {
        var path = Path.Combine(folder, "clip.mp4");
        using var writer = new VideoWriter(path, FourCC.MP4V, 10, new Size(160, 120));
        for (var i = 0; i < seconds * 10; i++)
        {
            using var frame = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(i * 3 % 255));
            writer.Write(frame);
        }

        return path;
    }
}
