namespace FaceMesh.Engine.Video;

/// <summary>
/// How much of a video <see cref="FrameSampler"/> may leave undecoded. Both shortcuts apply only where they cannot
/// change what is sampled by more than a frame or two, and each is dropped for the rest of a video that does not suit it.
/// </summary>
/// <param name="SkipNonReferenceFrames">
/// Frames no other frame is decoded from (most B-frames) are not decoded when the interval spans at least
/// <see cref="MinFramesPerIntervalToSkip"/> frames: a tick then takes the next decoded frame, at most a quarter of the
/// interval later (else the video is decoded whole from there on).
/// </param>
/// <param name="SeekPastKeyframes">
/// When the keyframes seen so far are close enough that seeking to the next tick decodes fewer frames than reading up
/// to it (long intervals, short GOPs), seek; only on a constant frame rate, where a seek lands on the tick itself.
/// </param>
/// <param name="Decoder">Which FFmpeg decodes: the system's command when there is one, or OpenCV's.</param>
/// <param name="FfmpegCommand">The command <see cref="VideoDecoder.Auto"/> runs; null for <see cref="FfmpegExecutable.Path"/>.</param>
public sealed record DecodingPolicy(bool SkipNonReferenceFrames = true, bool SeekPastKeyframes = true, VideoDecoder Decoder = VideoDecoder.Auto, string? FfmpegCommand = null)
{
    public const int MinFramesPerIntervalToSkip = 8;

    /// <summary>
    /// A seek starts this many frames before its keyframe in OpenCV; a new run of the ffmpeg command costs about as
    /// much to start.
    /// </summary>
    private const int SeekMarginFrames = 16;

    /// <summary>Both shortcuts, where they apply.</summary>
    public static DecodingPolicy Default { get; } = new();

    /// <summary>Every frame decoded in order: the exact frame at or after each tick, at the most decoding cost.</summary>
    public static DecodingPolicy EveryFrame { get; } = new(SkipNonReferenceFrames: false, SeekPastKeyframes: false);

    /// <summary>
    /// Whether seeking <paramref name="distanceMs"/> ahead decodes less than reading up to there, with a quarter's
    /// margin: on average a seek decodes half the widest keyframe gap seen, and its margin.
    /// </summary>
    internal static bool SeekPays(double distanceMs, double keyframeGapMs, double frameMs) =>
        distanceMs > 1.25 * ((keyframeGapMs / 2) + (SeekMarginFrames * frameMs));
}
