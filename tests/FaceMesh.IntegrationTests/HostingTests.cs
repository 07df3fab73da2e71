namespace FaceMesh.IntegrationTests;

/// <summary>How the services start: their settings files apply whichever folder they are started from.</summary>
[Collection(DistributedCollection.Name)]
public sealed class HostingTests(DistributedSystem system)
{
    [Fact]
    public void Encoders_StartedFromAnotherFolder_TakeTheirPrefetchFromTheirAppsettings()
    {
        // services/Encoder/appsettings.json asks for 2 frames at a time per encoder; the built-in default is 16.
        var prefetch = DistributedSystem.Rabbitmqctl("list_consumers", "-p", system.VirtualHost, "queue_name", "prefetch_count")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 2 && columns[0] == "encode-frame")
            .Select(columns => columns[1])
            .ToList();

        Assert.NotEmpty(prefetch);
        Assert.All(prefetch, count => Assert.Equal("2", count));
    }
}
