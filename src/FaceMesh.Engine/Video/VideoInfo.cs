namespace FaceMesh.Engine.Video;

/// <summary>What the container claims about a video; only used for progress estimates, never to decide when to stop.</summary>
public sealed record VideoInfo(int Width, int Height, double FramesPerSecond, long FrameCount)
{
    public double? DurationSeconds => FramesPerSecond > 0 && FrameCount > 0 ? FrameCount / FramesPerSecond : null;
}
