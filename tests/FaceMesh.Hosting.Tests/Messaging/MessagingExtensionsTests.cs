using FaceMesh.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceMesh.Hosting.Tests.Messaging;

public sealed class MessagingExtensionsTests
{
    [Fact]
    public void TheBus_NeverReportsUsageTelemetry()
    {
        using var provider = new ServiceCollection().AddFaceMeshBus(_ => { }).BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
