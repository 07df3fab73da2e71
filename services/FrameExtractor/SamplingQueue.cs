using System.Threading.Channels;

namespace FaceMesh.FrameExtractor;

/// <summary>Jobs whose footage is stored and waits to be sampled, one at a time.</summary>
public sealed class SamplingQueue
{
    private readonly Channel<(string JobId, string FootagePath)> _jobs = Channel.CreateUnbounded<(string, string)>();

    public ValueTask EnqueueAsync(string jobId, string footagePath, CancellationToken cancellationToken) =>
        _jobs.Writer.WriteAsync((jobId, footagePath), cancellationToken);

    public IAsyncEnumerable<(string JobId, string FootagePath)> ReadAllAsync(CancellationToken cancellationToken) =>
        _jobs.Reader.ReadAllAsync(cancellationToken);
}
