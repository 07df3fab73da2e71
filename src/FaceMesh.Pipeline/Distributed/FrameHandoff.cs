using FaceMesh.Engine.Video;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Hands sampled frames on while the next ones are decoded: up to <see cref="Capacity"/> frames are stored at once (each
/// on the thread pool, so encoding a JPEG and waiting on the object store overlap decoding), and their messages are
/// published in frame order, each once its frame is stored. A frame is started only after the frame
/// <see cref="Capacity"/> before it is stored and published, so between stored frames there are never
/// <see cref="Capacity"/> missing ones in a row, whatever stopped the sampling.
/// </summary>
internal sealed class FrameHandoff(
    Func<SampledFrame, CancellationToken, Task> store,
    Func<SampledFrame, CancellationToken, Task> publish,
    CancellationToken cancellationToken) : IAsyncDisposable
{
    public const int Capacity = 4;

    private readonly Queue<Task> _inFlight = new();
    private readonly CancellationTokenSource _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Starts a frame once there is room; throws the failure of an earlier frame, if any.</summary>
    public async Task AddAsync(SampledFrame frame)
    {
        if (_inFlight.Count == Capacity)
        {
            await _inFlight.Dequeue();
        }

        // The newest frame still queued is the one to publish after; with none queued, every earlier frame is done.
        var previous = _inFlight.LastOrDefault() ?? Task.CompletedTask;
        var token = _abandon.Token;
        var handed = Task.Run(
            async () =>
            {
                await store(frame, token);
                await previous;
                await publish(frame, token);
            },
            token);
        _inFlight.Enqueue(handed);
    }

    /// <summary>Returns once every frame added is stored and published.</summary>
    public async Task DrainAsync()
    {
        while (_inFlight.TryDequeue(out var handed))
        {
            await handed;
        }
    }

    /// <summary>After a failure: the frames still in flight are abandoned, and waited for, so none is stored later.</summary>
    public async ValueTask DisposeAsync()
    {
        await _abandon.CancelAsync();
        foreach (var handed in _inFlight)
        {
            try
            {
                await handed;
            }
            catch (Exception)
            {
                // The failure that ended the sampling is the one reported.
            }
        }

        _abandon.Dispose();
    }
}
