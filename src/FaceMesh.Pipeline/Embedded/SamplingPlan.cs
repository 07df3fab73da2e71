using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// Which frames are decoded: one every <see cref="Interval"/> for the dataset, and with <see cref="TrackInterval"/> the
/// ones between them too, used only to link tracks (a face moving or turning fast between two dataset frames).
/// </summary>
public sealed record SamplingPlan(TimeSpan Interval, TimeSpan? TrackInterval = null)
{
    /// <summary>Frames decoded per dataset frame: the dataset's frames are every <c>Stride</c>-th decoded one.</summary>
    public int Stride => TrackInterval is { } track ? (int)Math.Round(Interval / track) : 1;

    public TimeSpan DecodeInterval => TrackInterval ?? Interval;

    public void Validate()
    {
        if (Interval < TimeSpan.FromMilliseconds(10) || Interval > TimeSpan.FromHours(1))
        {
            throw new ValidationException($"The sampling interval {Interval} must be between 10 ms and 1 hour.");
        }

        if (TrackInterval is not { } track)
        {
            return;
        }

        var ratio = Interval / track;
        if (track < TimeSpan.FromMilliseconds(10) || ratio < 2 || Math.Abs(ratio - Math.Round(ratio)) > 0.01)
        {
            throw new ValidationException(
                $"The track interval {track.TotalMilliseconds:0.###} ms must be at least 10 ms and divide the sampling interval {Interval.TotalMilliseconds:0.###} ms at least twice (e.g. 200ms for 1s).");
        }
    }
}
