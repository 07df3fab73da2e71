using System.Text.Json.Nodes;

namespace FaceMesh.IntegrationTests;

/// <summary>The runtime settings every program is built with, read from the runtimeconfig.json the runtime itself reads.</summary>
public sealed class RuntimeConfigurationTests
{
    private static readonly string[] ServiceConfigs =
        [.. new[] { "FaceMesh.FrameExtractor", "FaceMesh.Encoder", "FaceMesh.Clusterer", "FaceMesh.Exporter" }.Select(Service)];

    public static TheoryData<string> Services => new(ServiceConfigs);

    public static TheoryData<string> Programs => new([Cli, .. ServiceConfigs]);

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "facemesh.runtimeconfig.json");

    [Theory]
    [MemberData(nameof(Programs))]
    public void EveryProgram_RunsWithoutDynamicPgo(string runtimeConfig)
    {
        Assert.False(Property(runtimeConfig, "System.Runtime.TieredPGO") ?? true, $"{Path.GetFileName(runtimeConfig)} leaves dynamic PGO on");
    }

    /// <summary>
    /// A service's first job ran with the JIT recompiling its hot methods on the same cores (a fifth of the machine's
    /// CPU in one profile). Compiled optimized from the start, a service is ready about half a second later and its
    /// first job costs less. The CLI keeps tiered compilation: most of its commands are short, and start-up is what
    /// they cost.
    /// </summary>
    [Theory]
    [MemberData(nameof(Services))]
    public void EveryService_CompilesEachMethodOptimizedOnce(string runtimeConfig)
    {
        Assert.False(Property(runtimeConfig, "System.Runtime.TieredCompilation") ?? true, $"{Path.GetFileName(runtimeConfig)} leaves tiered compilation on");
    }

    [Fact]
    public void TheCli_KeepsTieredCompilation()
    {
        Assert.True(Property(Cli, "System.Runtime.TieredCompilation") ?? true);
    }

    private static bool? Property(string runtimeConfig, string name) =>
        JsonNode.Parse(File.ReadAllText(runtimeConfig))!["runtimeOptions"]!["configProperties"]![name]?.GetValue<bool>();

    private static string Service(string assembly) => Path.Combine(ServiceProcess.BinaryFolder(assembly), $"{assembly}.runtimeconfig.json");
}
