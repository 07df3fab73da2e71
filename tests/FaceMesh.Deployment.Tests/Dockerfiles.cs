using System.Xml.Linq;

namespace FaceMesh.Deployment.Tests;

/// <summary>Where each service's Dockerfile and project live, and what a Dockerfile says.</summary>
internal static class Dockerfiles
{
    private static readonly Dictionary<string, string> Folders = new()
    {
        ["frame-extractor"] = "FrameExtractor",
        ["encoder"] = "Encoder",
        ["clusterer"] = "Clusterer",
        ["exporter"] = "Exporter",
    };

    public static string PathFor(string service) => $"services/{Folders[service]}/Dockerfile";

    public static string ProjectFor(string service) => $"services/{Folders[service]}/{Folders[service]}.csproj";

    /// <summary>Instructions with line continuations joined, comments dropped.</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> Instructions(string service)
    {
        var joined = Repository.Read(PathFor(service)).Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : string.Empty))];
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    public static IReadOnlySet<string> ProjectClosure(string project)
    {
        var closure = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!closure.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return closure;
    }

    public static string AssemblyName(string project) =>
        XDocument.Load(Repository.PathOf(project)).Descendants("AssemblyName").Single().Value;
}
