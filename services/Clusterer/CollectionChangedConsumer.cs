using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;
using MassTransit;

namespace FaceMesh.Clusterer;

/// <summary>A job left its collection or was cancelled: the rest may now be ready to cluster.</summary>
public sealed class CollectionChangedConsumer(FrameLedger ledger) : IConsumer<CollectionChanged>
{
    public Task Consume(ConsumeContext<CollectionChanged> context) =>
        ObjectKeys.IsValidJobName(context.Message.Collection)
            ? ledger.CollectionChangedAsync(context.Message.Collection, context.CancellationToken)
            : Task.CompletedTask;
}
