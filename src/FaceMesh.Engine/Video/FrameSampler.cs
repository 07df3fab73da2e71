using FaceMesh.Engine.Imaging;
using OpenCvSharp;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Samples one frame per <c>interval</c> of presentation time: the first decoded frame at or after each tick. Frames are
/// chosen by their timestamps, not by counting frames, so variable frame rates and wrong FPS or frame-count metadata
/// still give the right frames. Frames between ticks are decoded only as far as <see cref="DecodingPolicy"/> requires, and
/// never colour-converted or copied. Sampling ends at the real end of the stream, wherever the metadata says it is, so
/// a truncated file ends early instead of spinning.
/// </summary>
public sealed class FrameSampler : IFrameSource
{
    private readonly DecodedStream _stream;
    private readonly string _path;
    private readonly string _name;
    private readonly DecodingPolicy _decoding;
    private FfmpegSampling? _ffmpeg;

    public FrameSampler(string path, TimeSpan interval, DecodingPolicy? decoding = null)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "The sampling interval must be positive.");
        }

        _path = path;
        _name = Path.GetFileName(path);
        _decoding = decoding ?? DecodingPolicy.Default;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidVideoException($"{path}: no such file.");
        }

        if (file.Length == 0)
        {
            throw new InvalidVideoException($"{path}: the file is empty (0 bytes).");
        }

        if (FootageSignature.NotFootage(path) is { } what)
        {
            throw new InvalidVideoException($"{path}: not a readable video: the file is {what}.");
        }

        Interval = interval;
        var capture = VideoCaptures.Open(path, skipNonReferenceFrames: false);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new InvalidVideoException($"{path}: not a readable video (unknown format or corrupt data).");
        }

        Info = new VideoInfo(capture.FrameWidth, capture.FrameHeight, capture.Fps, (long)capture.Get(VideoCaptureProperties.FrameCount));
        if ((long)Info.Width * Info.Height > RgbImage.MaxPixels)
        {
            capture.Dispose();
            throw new InvalidVideoException($"{path}: frames of {Info.Width}x{Info.Height} exceed the {RgbImage.MaxPixels:N0}-pixel limit.");
        }

        _stream = new DecodedStream(capture, path, FrameMilliseconds, Info.DurationSeconds * 1000, _decoding);
    }

    public TimeSpan Interval { get; }

    public VideoInfo Info { get; }

    public int? KnownFrameCount => null;

    /// <summary>Frames decoded one by one so far, kept or not (a seek decodes more inside FFmpeg).</summary>
    public long FramesGrabbed => (_ffmpeg?.FramesDecoded ?? 0) + _stream.FramesDecoded;

    /// <summary>Seeks made past stretches of frames that reading through would have decoded.</summary>
    public int Seeks => _stream.Seeks;

    /// <summary>Whether non-reference frames are being left undecoded (false once dropped for this video).</summary>
    public bool SkippingNonReferenceFrames => _ffmpeg is { HandedBack: false } ffmpeg ? ffmpeg.SkippingNonReferenceFrames : _stream.SkippingNonReferenceFrames;

    /// <summary>Whether the ffmpeg command sampled the whole video (<see cref="VideoDecoder.Auto"/>), not OpenCV, nor OpenCV after it.</summary>
    public bool SampledByFfmpegCommand => _ffmpeg is { HandedBack: false };

    /// <summary>The frames kept so far that the ffmpeg command decoded (before it handed the video to OpenCV, if it did).</summary>
    public int FramesKeptByFfmpegCommand { get; private set; }

    /// <summary>The timestamp of the last frame decoded, kept or not (null before the first).</summary>
    public double? LastTimestampSeconds => Math.Max(_ffmpeg?.LastTimestampMs ?? double.NegativeInfinity, _stream.LastTimestampMs ?? double.NegativeInfinity) is var last
        && double.IsNegativeInfinity(last) ? null : last / 1000;

    private double FrameMilliseconds => Info.FramesPerSecond is > 0 and < 1000 ? 1000 / Info.FramesPerSecond : 40;

    /// <summary>
    /// Where the stream really ended, once sampled to its end, when that is well before the duration the container
    /// claims (more than two sampling intervals and 5% short): a file cut short, whose tail is missing.
    /// </summary>
    public double? EndedEarlyAtSeconds =>
        LastTimestampSeconds is { } last && Info.DurationSeconds is { } claimed
        && claimed - last > Math.Max(2 * Interval.TotalSeconds, 0.05 * claimed)
            ? Math.Round(last, 3)
            : null;

    public IEnumerable<SampledFrame> Sample(CancellationToken cancellationToken = default)
    {
        var intervalMs = Interval.TotalMilliseconds;
        var nextMs = 0.0;
        var kept = 0;
        if (_decoding.Decoder == VideoDecoder.Auto && (_decoding.FfmpegCommand ?? FfmpegExecutable.Path) is { } ffmpeg)
        {
            _ffmpeg?.Dispose();
            _ffmpeg = new FfmpegSampling(ffmpeg, _path, FrameMilliseconds, Info.DurationSeconds * 1000, _decoding);
            foreach (var (timestamp, image) in _ffmpeg.Frames(intervalMs, cancellationToken))
            {
                FramesKeptByFfmpegCommand++;
                yield return new SampledFrame(kept++, Math.Round(timestamp / 1000, 3), image);
                nextMs = NextTick(timestamp, intervalMs);
            }

            if (!_ffmpeg.HandedBack)
            {
                yield break;
            }
        }

        // OpenCV samples the video, or what the ffmpeg command left of it: from a seek to the next tick, when that is
        // why it was handed back, else reading up to that tick.
        if (_ffmpeg is not { HandedBackToSeek: true, LastTimestampMs: { } lastMs, KeyframeGapMs: { } keyframeGapMs }
            || !_stream.SeekFrom(lastMs, keyframeGapMs, nextMs))
        {
            _stream.Prepare(intervalMs);
        }

        using var frame = new Mat();
        while (_stream.Next(out var timestamp))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Half a millisecond of slack absorbs timestamps rounded to the container's time base.
            if (timestamp + 0.5 < nextMs || !_stream.Retrieve(frame))
            {
                continue;
            }

            yield return new SampledFrame(kept++, Math.Round(timestamp / 1000, 3), RgbImage.FromMat(frame));
            nextMs = NextTick(timestamp, intervalMs);
            _stream.SeekIfCheaper(nextMs);
        }

        if (FramesGrabbed == 0)
        {
            throw new InvalidVideoException($"{_name}: no frame could be decoded (not a video, or corrupt from the start).");
        }
    }

    public void Dispose()
    {
        _ffmpeg?.Dispose();
        _stream.Dispose();
    }

    /// <summary>The tick after the one a frame at <paramref name="timestampMs"/> was kept for.</summary>
    internal static double NextTick(double timestampMs, double intervalMs) => (Math.Floor((timestampMs + 0.5) / intervalMs) + 1) * intervalMs;
}
