using FaceMesh.Engine.Video;
using OpenCvSharp;

namespace FaceMesh.Cli;

/// <summary>
/// Keeps FFmpeg's and OpenCV's own log lines (<c>moov atom not found</c>, <c>[ WARN:0@0.07] global cap.cpp...</c>) off
/// the terminal, where a bad input should give one <c>error:</c> line; <c>--verbose</c> keeps them.
/// </summary>
internal static class NativeLogging
{
    /// <summary>OpenCV's FFmpeg backend reads this once, when it first opens a video; -8 is AV_LOG_QUIET.</summary>
    private const string FfmpegLogLevel = "OPENCV_FFMPEG_LOGLEVEL";

    public static void Configure(bool verbose)
    {
        if (verbose)
        {
            return;
        }

        NativeEnvironment.Set(FfmpegLogLevel, "-8");
        Cv2.SetLogLevel(LogLevel.SILENT);
    }
}
