namespace FaceMesh.Engine.Video;

/// <summary>Which FFmpeg decodes videos.</summary>
public enum VideoDecoder
{
    /// <summary>
    /// The system's <c>ffmpeg</c> command when there is one (<see cref="FfmpegExecutable"/>), else OpenCV's. Distributions
    /// build FFmpeg with its SIMD code, which decodes H.264 in about half the CPU time of the C-only FFmpeg inside the
    /// OpenCV runtime package; a video the command cannot sample is handed to OpenCV where it stopped.
    /// </summary>
    Auto,

    /// <summary>The FFmpeg built into the OpenCV runtime, in this process.</summary>
    OpenCv,
}
