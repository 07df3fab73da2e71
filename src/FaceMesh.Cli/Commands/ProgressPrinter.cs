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

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var stageChanged = value.Stage != _lastStage;
            if (!stageChanged && now - _lastPrint < (_interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5)))
            {
                return;
            }

            _lastPrint = now;
            _lastStage = value.Stage;
            var line = value.Stage == "export"
                ? $"export   {Bar(value.Exported, value.FacesToExport)} {value.Exported}/{value.FacesToExport} portraits"
                : $"sampling {Bar(value.Sampled, value.ExpectedFrames)} {value.Sampled}{(value.ExpectedFrames is { } e ? $"/~{e}" : string.Empty)} frames | "
                  + $"encoding {Bar(value.Encoded, Math.Max(value.Sampled, 1))} {value.Encoded} frames, {value.Faces} faces | {value.Encoded / Math.Max(now.TotalSeconds, 0.001):F1} frames/s";
            if (_interactive)
            {
                Console.Error.Write($"\r{line}\u001b[K");
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    /// <summary>Ends the redrawn line so later output starts on a fresh one.</summary>
    public void Finish()
    {
        if (_interactive && _lastStage.Length > 0)
        {
            Console.Error.WriteLine();
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
