using FaceMesh.Contracts.Messages;
using FaceMesh.Pipeline.Distributed;
using MassTransit;

namespace FaceMesh.Clusterer;

/// <summary>Learns how many frames a job has; clustering starts once that many are accounted for.</summary>
public sealed class FootageSampledConsumer(FrameLedger ledger) : IConsumer<FootageSampled>
{
    public Task Consume(ConsumeContext<FootageSampled> context) => ledger.FootageSampledAsync(context.Message, context.CancellationToken);
}
