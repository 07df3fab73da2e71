using FaceMesh.Hosting.Security;
using FaceMesh.Hosting.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceMesh.Hosting.Tests.Settings;

public sealed class FaceMeshServicesTests
{
    [Fact]
    public void Settings_AreReadOffTheOptionsClasses()
    {
        var keys = FaceMeshServices.Encoder.Settings.ToDictionary(s => s.Key);

        Assert.True(keys["ObjectStore__Endpoint"].Required);
        Assert.False(keys["RabbitMq__VirtualHost"].Required);
        Assert.Equal("/", keys["RabbitMq__VirtualHost"].Default);
        Assert.Equal("5672", keys["RabbitMq__Port"].Default);
        Assert.True(keys["ObjectStore__SecretKey"].Secret);
        Assert.False(keys["ObjectStore__Endpoint"].Secret);
        Assert.True(keys["Encoder__ClustererUrl"].Required);
        Assert.False(keys["Encoder__ModelsPath"].Required);
    }

    [Fact]
    public void ApiTokens_AreRequiredOnlyWhereThePublicApiIs()
    {
        static bool TokensRequired(FaceMeshService service) => service.Settings.Single(s => s.Key == "Auth__Tokens__0").Required;

        Assert.True(TokensRequired(FaceMeshServices.FrameExtractor));
        Assert.False(TokensRequired(FaceMeshServices.Encoder));
        Assert.False(TokensRequired(FaceMeshServices.Clusterer));
    }

    [Fact]
    public void Names_AreUnique_AndGrpcPortsDistinct()
    {
        Assert.Equal(FaceMeshServices.All.Count, FaceMeshServices.All.Select(s => s.Name).Distinct().Count());
        var grpcPorts = FaceMeshServices.All.Where(s => s.GrpcPort > 0).Select(s => s.GrpcPort).ToList();
        Assert.Equal(grpcPorts.Count, grpcPorts.Distinct().Count());
        Assert.DoesNotContain(FaceMeshService.HttpPort, grpcPorts);
    }

    [Fact]
    public void MissingSettings_NamesEveryUnsetRequiredVariable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ObjectStore:Endpoint"] = "minio:9000",
            ["Auth:Tokens:0"] = "a-token",
        }).Build();

        var missing = FaceMeshServices.FrameExtractor.MissingSettings(configuration);

        Assert.DoesNotContain("ObjectStore__Endpoint", missing);
        Assert.DoesNotContain("Auth__Tokens__0", missing);
        Assert.Contains("ObjectStore__SecretKey", missing);
        Assert.Contains("Auth__InternalToken", missing);
    }

    [Fact]
    public void Bind_PublicApiWithOnlyAnEmptyTokenSlot_FailsValidation()
    {
        var options = Bind(FaceMeshServices.FrameExtractor, new() { ["Auth:Tokens:0"] = "", ["Auth:InternalToken"] = "internal-token-0123456789" });

        var error = Assert.Throws<OptionsValidationException>(() => options.GetRequiredService<IOptions<AuthOptions>>().Value);
        Assert.Contains("Auth__Tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_InternalServiceWithoutApiTokens_IsValid()
    {
        var options = Bind(FaceMeshServices.Clusterer, new() { ["Auth:InternalToken"] = "internal-token-0123456789" });

        Assert.Empty(options.GetRequiredService<IOptions<AuthOptions>>().Value.Tokens);
    }

    private static ServiceProvider Bind(FaceMeshService service, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        foreach (var group in service.Groups)
        {
            group.Bind(services);
        }

        return services.BuildServiceProvider();
    }
}
