using YamlDotNet.RepresentationModel;

namespace FaceMesh.Deployment.Tests;

/// <summary><c>kubectl kustomize</c> output of a kustomization, rendered once per test class.</summary>
public sealed class RenderedManifests
{
    public RenderedManifests()
        : this("deploy/k8s")
    {
    }

    private RenderedManifests(string kustomization)
    {
        var (exitCode, output, error) = Repository.Run("kubectl", ["kustomize", Repository.PathOf(kustomization)]);
        Assert.True(exitCode == 0, $"kubectl kustomize {kustomization} failed: {error}");
        Text = output;
        Documents = Yaml.Documents(output);
    }

    public string Text { get; }

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    /// <summary>The base with the optional KEDA component added, rendered from a copy so the repository is untouched.</summary>
    public static RenderedManifests WithKeda()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"facemesh-k8s-{Guid.NewGuid():N}");
        CopyDirectory(Repository.PathOf("deploy/k8s"), copy);
        try
        {
            File.AppendAllText(Path.Combine(copy, "kustomization.yaml"), "components:\n  - keda\n");
            return new RenderedManifests(copy);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    public YamlMappingNode Single(string kind, string name) =>
        Documents.Single(d => d.At("kind").Text() == kind && d.At("metadata", "name").Text() == name);

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => d.At("kind").Text() == kind);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
