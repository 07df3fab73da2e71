using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Video;

/// <summary>
/// Samples a video with the ffmpeg command (<see cref="FfmpegRun"/>), following <see cref="DecodingPolicy"/> as
/// <see cref="DecodedStream"/> does with OpenCV: non-reference frames are left out while no two decoded frames are over
/// a quarter interval apart, else a new run starts at the last frame, every frame decoded. That run must show it
/// landed on that frame, or the video is read again from the beginning. Seeking is OpenCV's: a new run of the command
/// costs about a hundred frames' decoding to start, so when the keyframes make a seek to the next tick pay, the video
/// is handed to OpenCV there (<see cref="HandedBackToSeek"/>). So is a video this cannot follow (timestamps missing or
/// going back, a frame size that changes, a command that fails): <see cref="HandedBack"/>.
/// </summary>
internal sealed class FfmpegSampling(string executable, string path, double frameMs, double? durationMs, DecodingPolicy policy, TimeSpan? stallLimit = null) : IDisposable
{
    /// <summary>Reports come with every frame decoded; a minute without one is a command that cannot be followed.</summary>
    public static readonly TimeSpan DefaultStallLimit = TimeSpan.FromMinutes(1);

    /// <summary>The ffmpeg command decodes H.264 in about this share of the CPU time OpenCV takes (BENCHMARKS.md).</summary>
    private const double DecodingCostAgainstOpenCv = 0.6;

    private FfmpegRun? _run;
    private double _intervalMs;
    private double _nextTickMs;
    private double _maxGapMs = double.PositiveInfinity;
    private double _lastMs = double.NegativeInfinity;
    private double? _firstMs;
    private bool _constantRate = true;
    private double? _lastKeyframeMs;
    private bool _resumeByTime = true;
    private (int Width, int Height)? _size;

    // After a run started again: the frame it must start at, and the frames up to it, handled by an earlier run.
    private double? _resumeAtMs;
    private double? _seenUpToMs;

    public long FramesDecoded { get; private set; }

    public bool SkippingNonReferenceFrames { get; private set; }

    public bool HandedBack { get; private set; }

    /// <summary>Handed back because seeking to the next tick pays: OpenCV seeks there first.</summary>
    public bool HandedBackToSeek { get; private set; }

    /// <summary>The widest gap between keyframes seen so far (null before two).</summary>
    public double? KeyframeGapMs { get; private set; }

    public double? LastTimestampMs => HasLast ? _lastMs : null;

    private bool HasLast => !double.IsNegativeInfinity(_lastMs);

    /// <summary>The frames kept, one per tick of <paramref name="intervalMs"/>, with their timestamps in milliseconds.</summary>
    public IEnumerable<(double Ms, RgbImage Image)> Frames(double intervalMs, CancellationToken cancellationToken)
    {
        _intervalMs = intervalMs;
        SkippingNonReferenceFrames = policy.SkipNonReferenceFrames && intervalMs >= DecodingPolicy.MinFramesPerIntervalToSkip * frameMs;
        _maxGapMs = SkippingNonReferenceFrames ? intervalMs / 4 : double.PositiveInfinity;
        StartRun(fromMs: null);
        try
        {
            while (_run is not null)
            {
                var report = _run.Next(cancellationToken);
                if (report.Kind == FfmpegEventKind.Decoded)
                {
                    FramesDecoded++;
                    Accept(report);
                }
                else if (report.Kind == FfmpegEventKind.Selected)
                {
                    if (Pixels(report) is not { } image)
                    {
                        break;
                    }

                    yield return (report.Ms, image);
                    _nextTickMs = FrameSampler.NextTick(report.Ms, intervalMs);
                    if (SeekPays(_nextTickMs))
                    {
                        HandedBackToSeek = true;
                        break;
                    }
                }
                else if (_resumeAtMs is not null)
                {
                    // The run that was to start at the last frame found nothing there.
                    ReadAgainFromTheBeginning();
                }
                else
                {
                    // A failure is handed back too: OpenCV may read on where FFmpeg's command gave up.
                    HandedBack = FramesDecoded == 0 || report.ExitCode != 0;
                    yield break;
                }
            }

            HandedBack = true;
        }
        finally
        {
            _run?.Dispose();
            _run = null;
        }
    }

    public void Dispose() => _run?.Dispose();

    /// <summary>Takes a decoded frame's timestamp, or starts a run again, or stops (the run is then null).</summary>
    private void Accept(FfmpegEvent report)
    {
        var ms = report.Ms;
        if (_seenUpToMs is { } seen && ms <= seen + 0.5)
        {
            _resumeAtMs = null;
            return;
        }

        _seenUpToMs = null;
        if (_resumeAtMs is not null)
        {
            // It started after the frame it was to start at: a seek by time cannot be trusted in this video.
            ReadAgainFromTheBeginning();
        }
        else if (SkippingNonReferenceFrames && HasLast && !double.IsNaN(ms) && (!(ms > _lastMs) || ms - _lastMs > _maxGapMs))
        {
            ReadAgainAfterLast();
        }
        else if (double.IsNaN(ms) || !(ms > _lastMs))
        {
            StopRun();
        }
        else
        {
            Note(ms, report.IsKeyframe);
        }
    }

    private RgbImage? Pixels(FfmpegEvent report)
    {
        var (width, height) = (report.Width, report.Height);
        if (report.Ms != _lastMs || width <= 0 || height <= 0 || (long)width * height > RgbImage.MaxPixels || (_size is { } size && size != (width, height)))
        {
            return null;
        }

        _size = (width, height);
        return _run!.ReadFrame(width, height) is { } pixels ? new RgbImage(width, height, pixels) : null;
    }

    private void Note(double ms, bool isKeyframe)
    {
        _firstMs ??= ms;
        var frames = (ms - _firstMs.Value) / frameMs;
        if (Math.Abs(frames - Math.Round(frames)) > 0.1)
        {
            _constantRate = false;
        }

        if (isKeyframe)
        {
            if (_lastKeyframeMs is { } previous)
            {
                KeyframeGapMs = Math.Max(KeyframeGapMs ?? 0, ms - previous);
            }

            _lastKeyframeMs = ms;
        }

        _lastMs = ms;
    }

    /// <summary>Whether OpenCV seeking to <paramref name="targetMs"/> costs less than this command reading up to it.</summary>
    private bool SeekPays(double targetMs) =>
        policy.SeekPastKeyframes && _constantRate && KeyframeGapMs is { } keyframeGap
        && durationMs is { } duration && targetMs <= duration - frameMs
        && DecodingPolicy.SeekPays((targetMs - _lastMs) * DecodingCostAgainstOpenCv, keyframeGap, frameMs);

    /// <summary>Starts again with every frame decoded, a millisecond before the last frame taken, so that it comes first.</summary>
    private void ReadAgainAfterLast()
    {
        if (!_resumeByTime || !HasLast)
        {
            ReadAgainFromTheBeginning();
            return;
        }

        SkippingNonReferenceFrames = false;
        _maxGapMs = double.PositiveInfinity;
        _lastKeyframeMs = null;
        _seenUpToMs = _lastMs;
        StartRun(_lastMs - 1);
        _resumeAtMs = _lastMs;
    }

    /// <summary>Starts again from the beginning with every frame decoded; the frames up to the last one taken are passed over.</summary>
    private void ReadAgainFromTheBeginning()
    {
        _resumeByTime = false;
        SkippingNonReferenceFrames = false;
        _maxGapMs = double.PositiveInfinity;
        _lastKeyframeMs = null;
        _seenUpToMs = HasLast ? _lastMs : null;
        StartRun(fromMs: null);
    }

    private void StartRun(double? fromMs)
    {
        StopRun();
        _run = FfmpegRun.TryStart(executable, path, new FfmpegRunStart(fromMs, _nextTickMs, _intervalMs, SkippingNonReferenceFrames, stallLimit ?? DefaultStallLimit));
    }

    private void StopRun()
    {
        _run?.Dispose();
        _run = null;
        _resumeAtMs = null;
    }
}
