using System.Text.Json.Nodes;

namespace FaceMesh.IntegrationTests;

/// <summary>The runtime settings every program is built with, read from the runtimeconfig.json the runtime itself reads.</summary>
public sealed class RuntimeConfigurationTests
{
    public static TheoryData<string> Programs => new(
        Path.Combine(AppContext.BaseDirectory, "facemesh.runtimeconfig.json"),
        Service("FaceMesh.FrameExtractor"),
        Service("FaceMesh.Encoder"),
        Service("FaceMesh.Clusterer"),
        Service("FaceMesh.Exporter"));

    [Theory]
    [MemberData(nameof(Programs))]
    public void EveryProgram_RunsWithoutDynamicPgo(string runtimeConfig)
    {
        var properties = JsonNode.Parse(File.ReadAllText(runtimeConfig))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.Runtime.TieredPGO"]?.GetValue<bool>() ?? true, $"{Path.GetFileName(runtimeConfig)} leaves dynamic PGO on");
    }

    private static string Service(string assembly) => Path.Combine(ServiceProcess.BinaryFolder(assembly), $"{assembly}.runtimeconfig.json");
}
