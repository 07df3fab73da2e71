using YamlDotNet.RepresentationModel;

namespace FaceMesh.Deployment.Tests;

/// <summary>Navigation over YamlDotNet's representation model: documents as nested mappings, sequences and scalars.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    public static YamlNode? Child(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlNode At(this YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => current.Child(key) ?? throw new KeyNotFoundException($"no '{key}' in {string.Join(".", path)}"));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static IReadOnlyDictionary<string, string> Map(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? string.Empty)
            : new Dictionary<string, string>();

    public static IEnumerable<string> Keys(this YamlNode? node) =>
        node is YamlMappingNode mapping ? mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!) : [];
}
