using OpenCvSharp;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Opens videos with OpenCV's FFmpeg backend. The backend takes decoder options only from an environment variable it
/// reads while opening, so opening is serialised and the variable set for each open; options the user set there are kept.
/// </summary>
internal static class VideoCaptures
{
    private const string OptionsVariable = "OPENCV_FFMPEG_CAPTURE_OPTIONS";

    /// <summary>FFmpeg's AVDISCARD_NONREF, as OpenCV's backend spells it.</summary>
    private const string SkipNonReference = "avdiscard;nonref";

    private static readonly Lock Gate = new();
    private static readonly string? UserOptions = Environment.GetEnvironmentVariable(OptionsVariable);

    public static VideoCapture Open(string path, bool skipNonReferenceFrames)
    {
        var options = skipNonReferenceFrames
            ? string.IsNullOrEmpty(UserOptions) ? SkipNonReference : $"{UserOptions}|{SkipNonReference}"
            : UserOptions ?? string.Empty;
        lock (Gate)
        {
            NativeEnvironment.Set(OptionsVariable, options);
            return new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        }
    }
}
