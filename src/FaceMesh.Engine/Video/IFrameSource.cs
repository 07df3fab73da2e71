namespace FaceMesh.Engine.Video;

/// <summary>Where sampled frames come from: a video (<see cref="FrameSampler"/>) or a folder of images (<see cref="ImageSequence"/>).</summary>
public interface IFrameSource : IDisposable
{
    VideoInfo Info { get; }

    /// <summary>How many frames <see cref="Sample"/> will give when that is known in advance (a folder's images), else null.</summary>
    int? KnownFrameCount { get; }

    /// <summary>After sampling: where a stream cut short ended, well before its claimed duration; else null.</summary>
    double? EndedEarlyAtSeconds { get; }

    IEnumerable<SampledFrame> Sample(CancellationToken cancellationToken = default);
}
