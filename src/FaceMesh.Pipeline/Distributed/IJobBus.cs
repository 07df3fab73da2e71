using FaceMesh.Contracts.Messages;

namespace FaceMesh.Pipeline.Distributed;

/// <summary>The port stages publish messages through (MassTransit over RabbitMQ in the services).</summary>
public interface IJobBus
{
    Task PublishAsync(EncodeFrame message, CancellationToken cancellationToken);

    Task PublishAsync(FootageSampled message, CancellationToken cancellationToken);

    Task PublishAsync(JobClustered message, CancellationToken cancellationToken);

    Task PublishAsync(CollectionClustered message, CancellationToken cancellationToken);

    Task PublishAsync(CollectionChanged message, CancellationToken cancellationToken);
}
