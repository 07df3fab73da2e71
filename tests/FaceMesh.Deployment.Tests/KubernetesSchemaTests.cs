namespace FaceMesh.Deployment.Tests;

/// <summary>The rendered manifests against the Kubernetes and KEDA schemas (npm kubernetes-models, offline).</summary>
public sealed class KubernetesSchemaTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    private static readonly string Validator = Repository.PathOf("tests/k8s-schemas/validate.mjs");

    [Fact]
    public void RenderedKustomization_IsValid()
    {
        var (exitCode, output, _) = Validate(manifests.Text);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void RenderedKustomization_WithKeda_IsValid()
    {
        var (exitCode, output, _) = Validate(RenderedManifests.WithKeda().Text);

        Assert.True(exitCode == 0, output);
        Assert.Contains("0 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsAWrongType()
    {
        var broken = manifests.Text.Replace("replicas: 2", "replicas: two", StringComparison.Ordinal);
        Assert.NotEqual(manifests.Text, broken);

        var (exitCode, output, _) = Validate(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("replicas must be integer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsADeploymentWithoutSelector()
    {
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app
            """;

        var (exitCode, output, _) = Validate(deployment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("selector", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RejectsAKindItHasNoSchemaFor()
    {
        var (exitCode, output, _) = Validate("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no schema", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Validate(string yaml)
    {
        Assert.True(Directory.Exists(Repository.PathOf("tests/k8s-schemas/node_modules")), "run: npm ci --prefix tests/k8s-schemas");
        return Repository.Run("node", [Validator], yaml);
    }
}
