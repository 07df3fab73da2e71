namespace FaceMesh.Pipeline.Tracking;

/// <summary>A stretch of one video in which a person is seen: the times of the first and last sampled frame of it.</summary>
public sealed record Appearance(int Source, double Start, double End)
{
    /// <summary>
    /// The appearances in which a person's <paramref name="frames"/> lie: frames of one video closer than one and a half
    /// sampling intervals belong to one appearance, in video then time order.
    /// </summary>
    public static IReadOnlyList<Appearance> Of(IEnumerable<FrameRecord> frames, double intervalSeconds)
    {
        var gap = intervalSeconds * 1.5;
        var seen = frames.Distinct().OrderBy(f => f.Source).ThenBy(f => f.TimeSeconds);
        var appearances = new List<Appearance>();
        foreach (var frame in seen)
        {
            if (appearances.Count > 0 && appearances[^1] is var last && last.Source == frame.Source && frame.TimeSeconds - last.End <= gap)
            {
                appearances[^1] = last with { End = frame.TimeSeconds };
            }
            else
            {
                appearances.Add(new Appearance(frame.Source, frame.TimeSeconds, frame.TimeSeconds));
            }
        }

        return appearances;
    }
}
