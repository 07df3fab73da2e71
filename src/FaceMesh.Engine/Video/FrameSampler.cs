using FaceMesh.Engine.Imaging;
using OpenCvSharp;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Samples one frame per <c>interval</c> of presentation time. Frames are chosen by their timestamps, not by counting
/// frames, so variable frame rates and wrong FPS or frame-count metadata still give the right frames. Skipped frames
/// are only grabbed (no colour conversion or copy). Sampling ends at the real end of the stream, wherever the metadata
/// says it is, so a truncated file ends early instead of spinning.
/// </summary>
public sealed class FrameSampler : IFrameSource
{
    /// <summary>Gives up when this many grabs in a row yield no new timestamp (a stream stuck on corrupt data).</summary>
    private const int MaxStalledGrabs = 1000;

    private readonly VideoCapture _capture;
    private readonly string _name;

    public FrameSampler(string path, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "The sampling interval must be positive.");
        }

        _name = Path.GetFileName(path);
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
        _capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!_capture.IsOpened())
        {
            _capture.Dispose();
            throw new InvalidVideoException($"{path}: not a readable video (unknown format or corrupt data).");
        }

        Info = new VideoInfo(_capture.FrameWidth, _capture.FrameHeight, _capture.Fps, (long)_capture.Get(VideoCaptureProperties.FrameCount));
        if ((long)Info.Width * Info.Height > RgbImage.MaxPixels)
        {
            _capture.Dispose();
            throw new InvalidVideoException($"{path}: frames of {Info.Width}x{Info.Height} exceed the {RgbImage.MaxPixels:N0}-pixel limit.");
        }
    }

    public TimeSpan Interval { get; }

    public VideoInfo Info { get; }

    public int? KnownFrameCount => null;

    /// <summary>Frames decoded so far, kept or not.</summary>
    public long FramesGrabbed { get; private set; }

    /// <summary>The timestamp of the last frame decoded, kept or not (null before the first).</summary>
    public double? LastTimestampSeconds { get; private set; }

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
        var frameMs = Info.FramesPerSecond is > 0 and < 1000 ? 1000 / Info.FramesPerSecond : 40;
        var nextMs = 0.0;
        var lastMs = double.NegativeInfinity;
        var stalled = 0;
        var kept = 0;
        using var frame = new Mat();
        while (_capture.Grab())
        {
            cancellationToken.ThrowIfCancellationRequested();
            FramesGrabbed++;
            var timestamp = _capture.Get(VideoCaptureProperties.PosMsec);

            // Some containers report no timestamps (or repeat one); fall back to the previous one plus a frame.
            if (double.IsNaN(timestamp) || timestamp <= lastMs)
            {
                timestamp = FramesGrabbed == 1 ? 0 : lastMs + frameMs;
                if (++stalled > MaxStalledGrabs)
                {
                    break;
                }
            }
            else
            {
                stalled = 0;
            }

            lastMs = timestamp;
            LastTimestampSeconds = timestamp / 1000;

            // Half a millisecond of slack absorbs timestamps rounded to the container's time base.
            if (timestamp + 0.5 < nextMs)
            {
                continue;
            }

            if (!_capture.Retrieve(frame) || frame.Empty())
            {
                continue;
            }

            yield return new SampledFrame(kept++, Math.Round(timestamp / 1000, 3), RgbImage.FromMat(frame));
            nextMs = (Math.Floor((timestamp + 0.5) / intervalMs) + 1) * intervalMs;
        }

        if (FramesGrabbed == 0)
        {
            throw new InvalidVideoException($"{_name}: no frame could be decoded (not a video, or corrupt from the start).");
        }
    }

    public void Dispose() => _capture.Dispose();
}
