namespace FaceMesh.Engine.Video;

public static class FrameSources
{
    /// <summary>A folder is a sequence of images; anything else is opened as a video sampled every <paramref name="interval"/>.</summary>
    public static IFrameSource Open(string path, TimeSpan interval) =>
        Directory.Exists(path) ? ImageSequence.Open(path) : new FrameSampler(path, interval);
}
