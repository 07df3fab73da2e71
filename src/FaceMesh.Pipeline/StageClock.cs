using System.Diagnostics;

namespace FaceMesh.Pipeline;

/// <summary>Thread-safe accumulator of time spent in one pipeline stage.</summary>
public sealed class StageClock
{
    private long _ticks;

    public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public T Measure<T>(Func<T> action)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return action();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(start).Ticks);
        }
    }
}
