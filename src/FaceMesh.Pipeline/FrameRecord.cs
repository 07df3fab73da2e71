namespace FaceMesh.Pipeline;

/// <summary>
/// A sampled frame: its index among the dataset's sampled frames (unique across its videos), its time in its own video,
/// its size in pixels, the video it came from (an index into the manifest's sources) and its shot in that video
/// (counted from 0; a new shot begins at each cut); for a folder of images, the image's path in that folder.
/// </summary>
public sealed record FrameRecord(int Index, double TimeSeconds, int Width, int Height, int Source = 0, int Shot = 0, string? Path = null)
{
    public string FileName => FileNameOf(Index);

    public static string FileNameOf(int index) => $"frame_{index:D6}.jpg";
}
