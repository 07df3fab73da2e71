using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;
using MassTransit;

namespace FaceMesh.Messaging;

/// <summary>The <see cref="IJobBus"/> port over MassTransit.</summary>
public sealed class MassTransitJobBus(IPublishEndpoint publish) : IJobBus
{
    public Task PublishAsync(EncodeFrame message, CancellationToken cancellationToken) => publish.Publish(message, cancellationToken);

    public Task PublishAsync(FootageSampled message, CancellationToken cancellationToken) => publish.Publish(message, cancellationToken);

    public Task PublishAsync(JobClustered message, CancellationToken cancellationToken) => publish.Publish(message, cancellationToken);

    public Task PublishAsync(CollectionClustered message, CancellationToken cancellationToken) => publish.Publish(message, cancellationToken);

    public Task PublishAsync(CollectionChanged message, CancellationToken cancellationToken) => publish.Publish(message, cancellationToken);
}
