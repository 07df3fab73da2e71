using System.Text.RegularExpressions;
using FaceMesh.Hosting.Settings;
using YamlDotNet.RepresentationModel;

namespace FaceMesh.Deployment.Tests;

public sealed partial class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = Yaml.Documents(Repository.Read("docker-compose.yml")).Single();

    private static YamlNode Service(string name) => Compose.At("services", name);

    private static IReadOnlyDictionary<string, string> Environment(string name) => Service(name).Child("environment").Map();

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Environment_CoversEveryRequiredSetting(string name)
    {
        var service = ServiceNames.Named(name);
        var environment = Environment(name);

        var missing = service.Settings.Where(s => s.Required && !environment.ContainsKey(s.Key)).Select(s => s.Key);

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Environment_WithTheEnvExampleValues_PassesTheServicesOwnValidation(string name)
    {
        var example = EnvFile.Parse(Repository.Read(".env.example"));
        var environment = Environment(name).ToDictionary(p => p.Key, p => Interpolation().Replace(p.Value, m => example[m.Groups["name"].Value]));

        Assert.Empty(SettingsValidation.Errors(ServiceNames.Named(name), environment));
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Environment_NamesOnlySettingsTheServiceReads(string name)
    {
        var known = ServiceNames.Named(name).Settings.Select(s => s.Key).ToHashSet();

        var unknown = Environment(name).Keys.Where(key => !known.Contains(key) && !IsFurtherListItem(key, known));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Secrets_ComeFromTheEnvFileNeverFromLiterals()
    {
        var secrets = FaceMeshServices.All.SelectMany(s => s.Settings).Where(s => s.Secret).Select(s => s.Key).ToHashSet();
        var literals = FaceMeshServices.All.Select(s => s.Name)
            .SelectMany(name => Environment(name).Where(p => (secrets.Contains(p.Key) || IsFurtherListItem(p.Key, secrets)) && !Interpolation().IsMatch(p.Value)))
            .Select(p => p.Key);

        Assert.Empty(literals);
    }

    [Fact]
    public void EnvExample_DefinesEveryVariableTheComposeFileInterpolates_WithPlaceholdersOnly()
    {
        var example = EnvFile.Parse(Repository.Read(".env.example"));
        var used = Interpolation().Matches(Repository.Read("docker-compose.yml")).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.All(used, name => Assert.True(example.ContainsKey(name), $"{name} is not in .env.example"));
        Assert.All(example, pair => Assert.True(
            pair.Value.Length == 0 || pair.Value.StartsWith("change-me", StringComparison.Ordinal) || int.TryParse(pair.Value, out _),
            $"{pair.Key} in .env.example must be a placeholder, not a credential"));
    }

    [Fact]
    public void FrameExtractor_PublishesItsGrpcPort()
    {
        var published = Service("frame-extractor").Child("ports").Items().Select(p => p.Text()!.Split(':')[^1]);

        Assert.Contains(FaceMeshServices.FrameExtractor.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture), published);
    }

    [Fact]
    public void Exporter_PublishesTheReviewPages()
    {
        var published = Service("exporter").Child("ports").Items().Select(p => p.Text()!.Split(':')[^1]);

        Assert.Contains(FaceMeshService.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), published);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Endpoints_PointAtComposeServicesOnTheirPorts(string name)
    {
        var environment = Environment(name);

        var (objectStoreHost, objectStorePort) = HostPort(environment["ObjectStore__Endpoint"]);
        Assert.NotNull(Service(objectStoreHost).At("image").Text());
        Assert.Equal(9000, objectStorePort);
        Assert.NotNull(Service(environment["RabbitMq__Host"]).At("image").Text());
        if (environment.TryGetValue("Encoder__ClustererUrl", out var clustererUrl))
        {
            var url = new Uri(clustererUrl);
            Assert.Equal(FaceMeshServices.Clusterer.Name, url.Host);
            Assert.Equal(FaceMeshServices.Clusterer.GrpcPort, url.Port);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Service_StartsOnlyAfterHealthyInfrastructure(string name)
    {
        var dependsOn = Service(name).At("depends_on");

        Assert.Equal("service_healthy", dependsOn.At("rabbitmq", "condition").Text());
        Assert.Equal("service_healthy", dependsOn.At("minio", "condition").Text());
        Assert.Equal("service_completed_successfully", dependsOn.At("minio-buckets", "condition").Text());
        Assert.NotNull(Service("rabbitmq").Child("healthcheck"));
        Assert.NotNull(Service("minio").Child("healthcheck"));
    }

    [Fact]
    public void Encoder_WaitsForAHealthyClusterer_AndRunsTwoReplicas()
    {
        Assert.Equal("service_healthy", Service("encoder").At("depends_on", "clusterer", "condition").Text());
        Assert.Equal("2", Service("encoder").At("deploy", "replicas").Text());
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Build_UsesTheServicesOwnDockerfileFromTheRepositoryRoot(string name)
    {
        var build = Service(name).At("build");

        Assert.Equal(".", build.At("context").Text());
        Assert.Equal(Dockerfiles.PathFor(name), build.At("dockerfile").Text());
        Assert.True(File.Exists(Repository.PathOf(build.At("dockerfile").Text()!)));
    }

    [Fact]
    public void NamedVolumes_AreDeclared()
    {
        var declared = Compose.Child("volumes").Keys().ToHashSet();
        var used = Compose.At("services").Keys()
            .SelectMany(name => Service(name).Child("volumes").Items().Select(v => v.Text()!.Split(':')[0]))
            .Where(source => !source.StartsWith('.') && !source.StartsWith('/'));

        Assert.All(used, volume => Assert.Contains(volume, declared));
        Assert.Contains("minio-data", declared);
        Assert.Contains("rabbitmq-data", declared);
    }

    [Fact]
    public void RabbitMq_ServesTheManagementUi_AndMinIoItsConsole()
    {
        Assert.EndsWith("-management", Service("rabbitmq").At("image").Text(), StringComparison.Ordinal);
        Assert.Contains(Service("rabbitmq").Child("ports").Items(), p => p.Text()!.EndsWith(":15672", StringComparison.Ordinal));
        Assert.Contains(Service("minio").Child("ports").Items(), p => p.Text()!.EndsWith(":9001", StringComparison.Ordinal));
    }

    private static bool IsFurtherListItem(string key, IReadOnlySet<string> known) =>
        ListItem().Match(key) is { Success: true } match && known.Contains($"{match.Groups["list"].Value}__0");

    private static (string Host, int Port) HostPort(string endpoint)
    {
        var parts = endpoint.Split(':');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(:?[-?][^}]*)?\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^(?<list>.+)__\d+$")]
    private static partial Regex ListItem();
}
