using OpenCvSharp;

namespace FaceMesh.Engine.Video;

/// <summary>
/// A video's frames in presentation order with their timestamps, decoded as <see cref="DecodingPolicy"/> allows: with
/// non-reference frames left out, and with seeks past keyframes. Each shortcut is dropped, and the video read again from
/// where it stood, as soon as the video shows it does not suit it.
/// </summary>
internal sealed class DecodedStream : IDisposable
{
    /// <summary>Gives up when this many frames in a row bring no new timestamp (a stream stuck on corrupt data).</summary>
    private const int MaxStalledFrames = 1000;

    /// <summary>OpenCV's CAP_PROP_FRAME_TYPE: the picture type as a character ('I', 'P', 'B').</summary>
    private const VideoCaptureProperties FrameType = (VideoCaptureProperties)69;

    private readonly string _path;
    private readonly double _frameMs;
    private readonly double? _durationMs;
    private readonly DecodingPolicy _policy;
    private VideoCapture _capture;
    private double _maxGapMs = double.PositiveInfinity;
    private double _lastMs = double.NegativeInfinity;
    private double? _firstMs;
    private double? _pendingRaw;
    private int _stalled;
    private double? _lastKeyframeMs;
    private double? _keyframeGapMs;
    private bool _constantRate = true;
    private double? _seekTarget;
    private bool _seekingStopped;

    public DecodedStream(VideoCapture capture, string path, double frameMs, double? durationMs, DecodingPolicy policy)
    {
        _capture = capture;
        _path = path;
        _frameMs = frameMs;
        _durationMs = durationMs;
        _policy = policy;
    }

    /// <summary>Frames decoded one by one so far, replays included (a seek decodes more inside FFmpeg).</summary>
    public long FramesDecoded { get; private set; }

    public int Seeks { get; private set; }

    public bool SkippingNonReferenceFrames { get; private set; }

    public double? LastTimestampMs => double.IsNegativeInfinity(_lastMs) ? null : _lastMs;

    private bool HasLast => !double.IsNegativeInfinity(_lastMs);

    /// <summary>
    /// Before the first frame, for sampling every <paramref name="intervalMs"/>: leaves non-reference frames undecoded
    /// when the policy allows it and the interval spans enough frames, while no two decoded frames are over a quarter
    /// interval apart.
    /// </summary>
    public void Prepare(double intervalMs)
    {
        if (FramesDecoded > 0 || !_policy.SkipNonReferenceFrames || intervalMs < DecodingPolicy.MinFramesPerIntervalToSkip * _frameMs)
        {
            return;
        }

        var capture = VideoCaptures.Open(_path, skipNonReferenceFrames: true);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            return;
        }

        _capture.Dispose();
        _capture = capture;
        _maxGapMs = intervalMs / 4;
        SkippingNonReferenceFrames = true;
    }

    /// <summary>
    /// Before the first frame: takes over from another decoder that got as far as <paramref name="lastMs"/> and saw
    /// keyframes up to <paramref name="keyframeGapMs"/> apart, with a seek to <paramref name="targetMs"/> when that pays.
    /// False, and nothing changed, when it does not: the stream then starts at the beginning.
    /// </summary>
    public bool SeekFrom(double lastMs, double keyframeGapMs, double targetMs)
    {
        _lastMs = lastMs;
        _keyframeGapMs = keyframeGapMs;
        if (SeekIfCheaper(targetMs))
        {
            return true;
        }

        _lastMs = double.NegativeInfinity;
        _keyframeGapMs = null;
        return false;
    }

    /// <summary>Moves to the next frame; false at the end of the stream.</summary>
    public bool Next(out double timestampMs)
    {
        timestampMs = 0;
        var taken = TakeRaw(out var raw);
        if (_seekTarget is { } target)
        {
            // A seek is trusted only while it lands on its target (not past it, nor behind the last frame given, nor
            // nowhere, as on a broken index): otherwise the video is read again from the last frame, and never seeked again.
            _seekTarget = null;
            if (!taken || !IsNewTimestamp(raw) || raw > target + (1.5 * _frameMs))
            {
                _seekingStopped = true;
                taken = ReadAgainAfterLast(out raw);
            }
        }

        if (!taken)
        {
            return false;
        }

        if (SkippingNonReferenceFrames && (!IsNewTimestamp(raw) || (HasLast && raw - _lastMs > _maxGapMs)) && !ReadAgainAfterLast(out raw))
        {
            return false;
        }

        if (IsNewTimestamp(raw))
        {
            timestampMs = raw;
            _stalled = 0;
        }
        else
        {
            // Some containers report no timestamps (or repeat one): the previous one plus a frame.
            timestampMs = HasLast ? _lastMs + _frameMs : 0;
            _constantRate = false;
            if (++_stalled > MaxStalledFrames)
            {
                return false;
            }
        }

        NoteTimestamp(timestampMs);
        return true;
    }

    public bool Retrieve(Mat frame) => _capture.Retrieve(frame) && !frame.Empty();

    /// <summary>
    /// Seeks from the last frame to <paramref name="targetMs"/> when that decodes less than reading up to it. The next
    /// <see cref="Next"/> gives the frame at the target (or reads on from there). True when the stream moved: it
    /// seeked, or, its seek refused, read the video again up to the last frame.
    /// </summary>
    public bool SeekIfCheaper(double targetMs)
    {
        // Past the claimed end there is nothing to seek to: reading on finds the real end.
        if (!_policy.SeekPastKeyframes || _seekingStopped || !_constantRate || _keyframeGapMs is not { } keyframeGap
            || _durationMs is not { } duration || targetMs > duration - _frameMs
            || !DecodingPolicy.SeekPays(targetMs - _lastMs, keyframeGap, _frameMs))
        {
            return false;
        }

        // OpenCV's seek counts decoded frames to find its target: with frames left out it would overshoot.
        if (SkippingNonReferenceFrames && !Reopen(skipNonReferenceFrames: false))
        {
            _seekingStopped = true;
            return false;
        }

        if (!_capture.Set(VideoCaptureProperties.PosMsec, targetMs))
        {
            _seekingStopped = true;
            if (ReadAgainAfterLast(out var raw))
            {
                _pendingRaw = raw;
            }

            return true;
        }

        _seekTarget = targetMs;
        _lastKeyframeMs = null;
        Seeks++;
        return true;
    }

    public void Dispose() => _capture.Dispose();

    private bool IsNewTimestamp(double raw) => !double.IsNaN(raw) && raw > _lastMs;

    private void NoteTimestamp(double timestampMs)
    {
        _firstMs ??= timestampMs;
        var frames = (timestampMs - _firstMs.Value) / _frameMs;
        if (Math.Abs(frames - Math.Round(frames)) > 0.1)
        {
            _constantRate = false;
        }

        // The keyframe spacing is only needed while seeking may still be chosen: no native call per frame otherwise.
        if (_policy.SeekPastKeyframes && !_seekingStopped && (char)(int)_capture.Get(FrameType) == 'I')
        {
            if (_lastKeyframeMs is { } previous)
            {
                _keyframeGapMs = Math.Max(_keyframeGapMs ?? 0, timestampMs - previous);
            }

            _lastKeyframeMs = timestampMs;
        }

        _lastMs = timestampMs;
    }

    private bool TakeRaw(out double raw)
    {
        if (_pendingRaw is { } pending)
        {
            _pendingRaw = null;
            raw = pending;
            return true;
        }

        raw = 0;
        if (!_capture.Grab())
        {
            return false;
        }

        FramesDecoded++;
        raw = _capture.Get(VideoCaptureProperties.PosMsec);
        return true;
    }

    /// <summary>Opens the video again, every frame decoded, and reads up to the first frame after the last one given.</summary>
    private bool ReadAgainAfterLast(out double raw)
    {
        raw = 0;
        _seekTarget = null;
        _lastKeyframeMs = null;
        if (!Reopen(skipNonReferenceFrames: false))
        {
            return false;
        }

        while (TakeRaw(out raw))
        {
            if (!HasLast || !(raw <= _lastMs + 0.5))
            {
                return true;
            }
        }

        return false;
    }

    private bool Reopen(bool skipNonReferenceFrames)
    {
        _capture.Dispose();
        _capture = VideoCaptures.Open(_path, skipNonReferenceFrames);
        SkippingNonReferenceFrames = skipNonReferenceFrames && _capture.IsOpened();
        return _capture.IsOpened();
    }
}
