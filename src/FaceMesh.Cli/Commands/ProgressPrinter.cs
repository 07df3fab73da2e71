using System.Diagnostics;
using FaceMesh.Pipeline.Embedded;

namespace FaceMesh.Cli.Commands;

/// <summary>
/// Progress on stderr: one redrawn line of bars on a terminal; plain lines, at most every few seconds, when redirected.
/// </summary>
public sealed class ProgressPrinter : IProgress<RunProgress>
{
    private readonly Lock _gate = new();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPrint = TimeSpan.MinValue;
    private string _lastStage = string.Empty;
    private string _latest = string.Empty;
    private string _printed = string.Empty;

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            _latest = value.Stage == "export"
                ? $"export   {Bar(value.Exported, value.FacesToExport)} {value.Exported}/{value.FacesToExport} portraits"
                : $"sampling {Bar(value.Sampled, value.ExpectedFrames)} {value.Sampled}{(value.ExpectedFrames is { } e ? $"/~{e}" : string.Empty)} frames | "
                  + $"encoding {Bar(value.Encoded, Math.Max(value.Sampled, 1))} {Counted.Frames(value.Encoded)}, {Counted.Faces(value.Faces)} | {value.Encoded / Math.Max(now.TotalSeconds, 0.001):F1} frames/s";
            var stageChanged = value.Stage != _lastStage;
            if (!stageChanged && now - _lastPrint < (_interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5)))
            {
                return;
            }

            _lastPrint = now;
            _lastStage = value.Stage;
            Print();
        }
    }

    /// <summary>
    /// Ends the redrawn line so later output starts on a fresh one; redirected, prints the final state if the last
    /// line printed was an earlier one (a log must not end on <c>export 1/11 portraits</c>).
    /// </summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_latest != _printed)
            {
                Print();
            }

            if (_interactive && _lastStage.Length > 0)
            {
                Console.Error.WriteLine();
            }
        }
    }

    private void Print()
    {
        _printed = _latest;
        if (_interactive)
        {
            Console.Error.Write($"\r{_latest}\u001b[K");
        }
        else
        {
            Console.Error.WriteLine(_latest);
        }
    }

    private static string Bar(int done, int? total)
    {
        const int width = 16;
        if (total is not > 0)
        {
            return string.Empty;
        }

        var filled = Math.Clamp(done * width / total.Value, 0, width);
        return $"[{new string('#', filled)}{new string('.', width - filled)}]";
    }
}
