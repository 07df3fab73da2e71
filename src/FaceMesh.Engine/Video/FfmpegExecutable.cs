namespace FaceMesh.Engine.Video;

/// <summary>
/// Finds the <c>ffmpeg</c> command that <see cref="VideoDecoder.Auto"/> samples with: the path in
/// <see cref="PathVariable"/> when set (<c>off</c> turns it off), else the first <c>ffmpeg</c> on <c>PATH</c>.
/// </summary>
public static class FfmpegExecutable
{
    public const string PathVariable = "FACEMESH_FFMPEG";

    private static readonly Lazy<string?> Found = new(() => Find(Environment.GetEnvironmentVariable(PathVariable), Environment.GetEnvironmentVariable("PATH")));

    /// <summary>The command to run, or null when there is none (videos are then decoded by OpenCV).</summary>
    public static string? Path => Found.Value;

    public static string? Find(string? configured, string? searchPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim() is "off" or "none" ? null : File.Exists(configured) ? configured : null;
        }

        var name = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
        return (searchPath ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
