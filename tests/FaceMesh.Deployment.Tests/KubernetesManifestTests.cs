using FaceMesh.Encoder;
using FaceMesh.Hosting.Settings;
using MassTransit;
using YamlDotNet.RepresentationModel;

namespace FaceMesh.Deployment.Tests;

public sealed class KubernetesManifestTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    private const string ConfigMapName = "facemesh-config";
    private const string SecretName = "facemesh-secrets";

    private static IReadOnlyDictionary<string, string> SecretExample =>
        Yaml.Documents(Repository.Read("deploy/k8s/secret.example.yaml")).Single().At("stringData").Map();

    private IReadOnlyDictionary<string, string> ConfigMap => manifests.Single("ConfigMap", ConfigMapName).At("data").Map();

    private YamlNode Container(string name) =>
        manifests.Single("Deployment", name).At("spec", "template", "spec", "containers").Items().Single();

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Deployment_ReceivesEveryRequiredSetting_FromTheConfigMapAndSecret(string name)
    {
        var container = Container(name);
        var sources = container.At("envFrom").Items().ToList();
        Assert.Contains(sources, s => s.Child("configMapRef")?.At("name").Text() == ConfigMapName);
        Assert.Contains(sources, s => s.Child("secretRef")?.At("name").Text() == SecretName);
        var provided = ConfigMap.Keys.Concat(SecretExample.Keys)
            .Concat(container.Child("env").Items().Select(e => e.At("name").Text()!)).ToHashSet();

        var missing = ServiceNames.Named(name).Settings.Where(s => s.Required && !provided.Contains(s.Key));

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Deployment_WithTheSecretExampleValues_PassesTheServicesOwnValidation(string name)
    {
        var environment = ConfigMap.Concat(SecretExample).ToDictionary(p => p.Key, p => p.Value);

        Assert.Empty(SettingsValidation.Errors(ServiceNames.Named(name), environment));
    }

    [Fact]
    public void SecretSettings_LiveInTheSecret_NeverInTheConfigMap()
    {
        var secrets = FaceMeshServices.All.SelectMany(s => s.Settings).Where(s => s.Secret && s.Required).Select(s => s.Key).ToHashSet();
        secrets.Add("Auth__Tokens__0");

        Assert.DoesNotContain(ConfigMap.Keys, key => FaceMeshServices.All.SelectMany(s => s.Settings).Any(s => s.Secret && s.Key == key));
        Assert.Subset(SecretExample.Keys.ToHashSet(), secrets);
    }

    [Fact]
    public void NoSecretValue_IsCommitted_OrApplied()
    {
        Assert.All(SecretExample, pair => Assert.StartsWith("change-me", pair.Value, StringComparison.Ordinal));
        Assert.Empty(manifests.OfKind("Secret"));
        var tracked = Repository.Run("git", ["ls-files"]).Output.Split('\n');
        Assert.DoesNotContain(".env", tracked);
        Assert.DoesNotContain(tracked, path => path.EndsWith("secret.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigMap_PointsAtTheClusterServicesOnTheirPorts()
    {
        var clusterer = new Uri(ConfigMap["Encoder__ClustererUrl"]);
        Assert.Equal(FaceMeshServices.Clusterer.Name, clusterer.Host);
        Assert.Equal(FaceMeshServices.Clusterer.GrpcPort, clusterer.Port);
        Assert.Contains(ServicePorts(clusterer.Host), p => p.Port == clusterer.Port);

        var objectStore = ConfigMap["ObjectStore__Endpoint"].Split(':');
        Assert.Contains(ServicePorts(objectStore[0]), p => p.Port == int.Parse(objectStore[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(ServicePorts(ConfigMap["RabbitMq__Host"]), p => p.Port == 5672);
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Ports_AndProbes_MatchWhatTheServiceListensOn(string name)
    {
        var service = ServiceNames.Named(name);
        var container = Container(name);
        var ports = container.At("ports").Items().ToDictionary(p => p.At("name").Text()!, p => int.Parse(p.At("containerPort").Text()!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(FaceMeshService.HttpPort, ports["http"]);
        if (service.GrpcPort > 0)
        {
            Assert.Equal(service.GrpcPort, ports["grpc"]);
        }

        Assert.Equal(FaceMeshService.LivePath, container.At("livenessProbe", "httpGet", "path").Text());
        Assert.Equal(FaceMeshService.ReadyPath, container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal("http", container.At("livenessProbe", "httpGet", "port").Text());
        Assert.Equal("http", container.At("readinessProbe", "httpGet", "port").Text());
        Assert.All(ServicePorts(name), p => Assert.Equal(ports[p.TargetPort], p.Port));
        if (service.GrpcPort > 0)
        {
            Assert.Contains(ServicePorts(name), p => p.Port == service.GrpcPort);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames.All), MemberType = typeof(ServiceNames))]
    public void Deployment_SelectsItsPods_RunsNonRoot_AndBoundsItsResources(string name)
    {
        var deployment = manifests.Single("Deployment", name);
        var selector = deployment.At("spec", "selector", "matchLabels").Map();
        var labels = deployment.At("spec", "template", "metadata", "labels").Map();
        var container = Container(name);

        Assert.All(selector, pair => Assert.Equal(pair.Value, labels[pair.Key]));
        Assert.Equal("true", deployment.At("spec", "template", "spec", "securityContext", "runAsNonRoot").Text());
        Assert.Equal($"facemesh/{name}:local", container.At("image").Text());
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.NotNull(container.At("resources", bound, "cpu").Text());
            Assert.NotNull(container.At("resources", bound, "memory").Text());
        }
    }

    [Fact]
    public void Broker_AndObjectStore_AreStatefulSetsWithPersistentVolumes()
    {
        foreach (var name in new[] { "rabbitmq", "minio" })
        {
            var set = manifests.Single("StatefulSet", name);
            Assert.NotEmpty(set.At("spec", "volumeClaimTemplates").Items());
            Assert.Equal(name, set.At("spec", "serviceName").Text());
        }
    }

    [Fact]
    public void EncoderAutoscaler_TargetsTheEncoderDeploymentOnCpu()
    {
        var autoscaler = manifests.Single("HorizontalPodAutoscaler", FaceMeshServices.Encoder.Name);

        Assert.Equal(FaceMeshServices.Encoder.Name, autoscaler.At("spec", "scaleTargetRef", "name").Text());
        Assert.Equal("Deployment", autoscaler.At("spec", "scaleTargetRef", "kind").Text());
        Assert.Equal("cpu", autoscaler.At("spec", "metrics").Items().Single().At("resource", "name").Text());
    }

    [Fact]
    public void KedaComponent_ScalesEncodersOnTheFrameQueue_InsteadOfTheCpuAutoscaler()
    {
        var withKeda = RenderedManifests.WithKeda();
        var trigger = withKeda.Single("ScaledObject", FaceMeshServices.Encoder.Name).At("spec", "triggers").Items().Single();

        Assert.Empty(withKeda.OfKind("HorizontalPodAutoscaler"));
        Assert.Equal("rabbitmq", trigger.At("type").Text());
        Assert.Equal(KebabCaseEndpointNameFormatter.Instance.Consumer<EncodeFrameConsumer>(), trigger.At("metadata", "queueName").Text());
        Assert.Equal(FaceMeshServices.Encoder.Name, withKeda.Single("ScaledObject", FaceMeshServices.Encoder.Name).At("spec", "scaleTargetRef", "name").Text());
    }

    private IReadOnlyList<(int Port, string TargetPort)> ServicePorts(string name) =>
        [.. manifests.Single("Service", name).At("spec", "ports").Items()
            .Select(p => (int.Parse(p.At("port").Text()!, System.Globalization.CultureInfo.InvariantCulture), p.At("targetPort").Text()!))];
}
