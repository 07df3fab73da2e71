using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>
/// A bus that records what the stages publish, and can run a hook on each publish (a user acting mid-stage) or fail
/// the next publish of a kind (a broker outage). The integration tests run the real RabbitMQ.
/// </summary>
public sealed class RecordingBus : IJobBus
{
    public List<EncodeFrame> Frames { get; } = [];

    public List<FootageSampled> Sampled { get; } = [];

    public List<JobClustered> Clustered { get; } = [];

    public List<CollectionClustered> CollectionsClustered { get; } = [];

    public List<CollectionChanged> CollectionsChanged { get; } = [];

    public Func<EncodeFrame, Task>? OnFrame { get; set; }

    public int FailClusteredPublishes { get; set; }

    public async Task PublishAsync(EncodeFrame message, CancellationToken cancellationToken)
    {
        Frames.Add(message);
        if (OnFrame is not null)
        {
            await OnFrame(message);
        }
    }

    public Task PublishAsync(FootageSampled message, CancellationToken cancellationToken)
    {
        Sampled.Add(message);
        return Task.CompletedTask;
    }

    public Task PublishAsync(JobClustered message, CancellationToken cancellationToken)
    {
        if (FailClusteredPublishes > 0)
        {
            FailClusteredPublishes--;
            throw new InvalidOperationException("broker unreachable");
        }

        Clustered.Add(message);
        return Task.CompletedTask;
    }

    public Task PublishAsync(CollectionClustered message, CancellationToken cancellationToken)
    {
        CollectionsClustered.Add(message);
        return Task.CompletedTask;
    }

    public Task PublishAsync(CollectionChanged message, CancellationToken cancellationToken)
    {
        CollectionsChanged.Add(message);
        return Task.CompletedTask;
    }
}
