namespace FaceMesh.Pipeline;

/// <summary>A sampled frame: its index among sampled frames, timestamp and size in pixels.</summary>
public sealed record FrameRecord(int Index, double TimeSeconds, int Width, int Height)
{
    public string FileName => $"frame_{Index:D6}.jpg";
}
