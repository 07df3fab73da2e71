using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FaceMesh.Engine.Video;

/// <summary>What one run of the ffmpeg command reports, in order.</summary>
internal enum FfmpegEventKind
{
    /// <summary>A frame was decoded (every frame the decoder gives passes the first <c>showinfo</c>).</summary>
    Decoded,

    /// <summary>The frame just decoded was selected: its pixels come next on standard output.</summary>
    Selected,

    /// <summary>The command exited; <see cref="FfmpegEvent.ExitCode"/> says how.</summary>
    Ended,
}

internal readonly record struct FfmpegEvent(FfmpegEventKind Kind, double Ms = double.NaN, bool IsKeyframe = false, int Width = 0, int Height = 0, int ExitCode = 0);

/// <summary>Where a run starts and which frames it selects.</summary>
/// <param name="FromMs">Seek here first (FFmpeg drops the frames before it), or start at the beginning (null).</param>
/// <param name="NextTickMs">The first frame at or after this time is selected, then one per interval as the sampler keeps them.</param>
/// <param name="StallLimit">How long the command may report nothing before it is taken for stuck and stopped.</param>
internal sealed record FfmpegRunStart(double? FromMs, double NextTickMs, double IntervalMs, bool SkipNonReferenceFrames, TimeSpan StallLimit);

/// <summary>
/// One run of the ffmpeg command over a video. FFmpeg's <c>select</c> filter applies the sampler's rule (the first frame
/// at or after each tick), so only kept frames are converted to RGB and piped out; a <c>showinfo</c> filter before it
/// reports every decoded frame's timestamp and picture type, and one after it each selected frame's timestamp and size,
/// on standard error, read line by line on a thread of their own. Timestamps are FFmpeg's: from the container's start,
/// in the stream's time base, the seek position added back.
/// </summary>
internal sealed partial class FfmpegRun : IDisposable
{
    private readonly Process _process;
    private readonly Stream _output;
    private readonly BlockingCollection<FfmpegEvent> _events = new();
    private readonly double _offsetMs;
    private readonly TimeSpan _stallLimit;
    private readonly (long Num, long Den)?[] _timeBases = new (long, long)?[2];

    private FfmpegRun(Process process, double offsetMs, TimeSpan stallLimit)
    {
        _process = process;
        _output = process.StandardOutput.BaseStream;
        _offsetMs = offsetMs;
        _stallLimit = stallLimit;
        var reader = new Thread(ReadReports) { IsBackground = true, Name = "ffmpeg reports" };
        reader.Start();
    }

    /// <summary>Starts the command; null when it cannot be started at all.</summary>
    public static FfmpegRun? TryStart(string executable, string path, FfmpegRunStart start)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(path, start))
        {
            info.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        // The seek position as FFmpeg reads it (whole microseconds), so that adding it back gives the stream's own time.
        return new FfmpegRun(process, start.FromMs is { } from ? Math.Round(from, 3) : 0, start.StallLimit);
    }

    private static IEnumerable<string> Arguments(string path, FfmpegRunStart start)
    {
        string[] quiet = ["-hide_banner", "-nostats", "-nostdin", "-loglevel", "info"];
        string[] skip = start.SkipNonReferenceFrames ? ["-skip_frame", "noref"] : [];
        string[] seek = start.FromMs is { } from ? ["-ss", Seconds(from)] : [];
        // "file:" keeps a name from being read as another protocol; the whitelist keeps a playlist from opening any.
        string[] input = ["-protocol_whitelist", "file", "-i", "file:" + System.IO.Path.GetFullPath(path), "-map", "0:v:0"];
        string[] output = ["-vf", $"showinfo=checksum=0,select='{Selection(start)}',showinfo=checksum=0", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"];
        return [.. quiet, .. skip, .. seek, .. input, .. output];
    }

    /// <summary>
    /// The next report; blocks until there is one. After <see cref="FfmpegEventKind.Ended"/> there is none. A command
    /// that reports nothing for the stall limit (its reports unreadable, so that nobody reads the frames it is blocked
    /// writing) is stopped, and ends as failed.
    /// </summary>
    public FfmpegEvent Next(CancellationToken cancellationToken)
    {
        if (_events.TryTake(out var report, (int)_stallLimit.TotalMilliseconds, cancellationToken))
        {
            return report;
        }

        Dispose();
        return new FfmpegEvent(FfmpegEventKind.Ended, ExitCode: -1);
    }

    /// <summary>The pixels of the frame just selected; null when the output ended first.</summary>
    public byte[]? ReadFrame(int width, int height)
    {
        var pixels = new byte[checked(width * height * 3)];
        try
        {
            _output.ReadExactly(pixels);
            return pixels;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        _process.Dispose();
    }

    /// <summary>
    /// Selects the first frame at or after the next tick, then each frame whose tick is later than the last selected
    /// one's: the sampler's rule, with its half millisecond of slack. <c>t</c> counts from the seek position.
    /// </summary>
    private static string Selection(FfmpegRunStart start)
    {
        var offset = Seconds(start.FromMs ?? 0);
        var interval = Seconds(start.IntervalMs);
        var time = $"t+{offset}+0.0005";
        var tickAfterLast = $"(floor((prev_selected_t+{offset}+0.0005)/{interval})+1)*{interval}";
        return $"if(isnan(prev_selected_t),gte({time},{Seconds(start.NextTickMs)}),gte({time},{tickAfterLast}))";
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.######", CultureInfo.InvariantCulture);

    private void ReadReports()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                if (Parse(line) is { } report)
                {
                    _events.Add(report);
                }
            }

            _process.WaitForExit();
            _events.Add(new FfmpegEvent(FfmpegEventKind.Ended, ExitCode: _process.ExitCode));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            _events.Add(new FfmpegEvent(FfmpegEventKind.Ended, ExitCode: -1));
        }
    }

    private FfmpegEvent? Parse(string line)
    {
        var report = Report().Match(line);
        if (!report.Success)
        {
            return null;
        }

        var filter = report.Groups["filter"].Value == "0" ? 0 : 1;
        var text = report.Groups["text"].Value;
        if (TimeBase().Match(text) is { Success: true } timeBase)
        {
            _timeBases[filter] = long.TryParse(timeBase.Groups[1].Value, CultureInfo.InvariantCulture, out var num)
                && long.TryParse(timeBase.Groups[2].Value, CultureInfo.InvariantCulture, out var den)
                    ? (num, den)
                    : null;
            return null;
        }

        if (Frame().Match(text) is not { Success: true } frame)
        {
            return null;
        }

        var ms = _timeBases[filter] is { Den: > 0 } tb && long.TryParse(frame.Groups["pts"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pts)
            ? (pts * 1000.0 * tb.Num / tb.Den) + _offsetMs
            : double.NaN;
        if (filter == 0)
        {
            return new FfmpegEvent(FfmpegEventKind.Decoded, ms, IsKeyframe: text.Contains(" iskey:1", StringComparison.Ordinal));
        }

        return Size().Match(text) is { Success: true } size
            && int.TryParse(size.Groups[1].Value, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(size.Groups[2].Value, CultureInfo.InvariantCulture, out var height)
            ? new FfmpegEvent(FfmpegEventKind.Selected, ms, Width: width, Height: height)
            : new FfmpegEvent(FfmpegEventKind.Selected, ms);
    }

    [GeneratedRegex(@"^\[Parsed_showinfo_(?<filter>[02]) @ [^\]]*\] (?<text>.*)$")]
    private static partial Regex Report();

    [GeneratedRegex(@"config in time_base: (\d+)/(\d+)")]
    private static partial Regex TimeBase();

    [GeneratedRegex(@"^n:\s*\d+ pts:\s*(?<pts>\S+) ")]
    private static partial Regex Frame();

    [GeneratedRegex(@" s:(\d+)x(\d+) ")]
    private static partial Regex Size();
}
