using System.Xml.Linq;

namespace FaceMesh.Deployment.Tests;

/// <summary>The dependency direction the Layout section of the README promises, read from the project files.</summary>
public sealed class ProjectGraphTests
{
    [Theory]
    [InlineData("src/FaceMesh.Engine/FaceMesh.Engine.csproj", "MassTransit")]
    [InlineData("src/FaceMesh.Engine/FaceMesh.Engine.csproj", "Minio")]
    [InlineData("src/FaceMesh.Engine/FaceMesh.Engine.csproj", "Google.Protobuf")]
    [InlineData("src/FaceMesh.Pipeline/FaceMesh.Pipeline.csproj", "MassTransit")]
    [InlineData("src/FaceMesh.Pipeline/FaceMesh.Pipeline.csproj", "Minio")]
    [InlineData("src/FaceMesh.Cli/FaceMesh.Cli.csproj", "MassTransit")]
    [InlineData("src/FaceMesh.Review/FaceMesh.Review.csproj", "MassTransit")]
    public void Project_DoesNotDependOnPackage_EvenIndirectly(string project, string package) =>
        Assert.DoesNotContain(package, Closure(project).SelectMany(p => References(p, "PackageReference")));

    [Theory]
    [InlineData("src/FaceMesh.Engine/FaceMesh.Engine.csproj", "FaceMesh.Models")]
    [InlineData("src/FaceMesh.Pipeline/FaceMesh.Pipeline.csproj", "FaceMesh.Models")]
    [InlineData("src/FaceMesh.Pipeline/FaceMesh.Pipeline.csproj", "FaceMesh.Review")]
    [InlineData("services/Encoder/Encoder.csproj", "FaceMesh.Models")]
    public void Project_DoesNotDependOnProject_EvenIndirectly(string project, string forbidden) =>
        Assert.DoesNotContain(forbidden, Closure(project).Select(Path.GetFileNameWithoutExtension));

    [Fact]
    public void NativeRuntimePackages_BelongToTheApps_NotTheLibraries()
    {
        var libraries = Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("FaceMesh.Cli.csproj", StringComparison.Ordinal));

        Assert.All(libraries, library => Assert.DoesNotContain(References(library, "PackageReference"), r => r.Contains(".runtime.", StringComparison.Ordinal)));
    }

    /// <summary>The project and every project it references, transitively, as full paths.</summary>
    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Repository.PathOf(project)]);
        while (pending.TryPop(out var path))
        {
            if (seen.Add(path))
            {
                foreach (var reference in References(path, "ProjectReference"))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Replace('\\', Path.DirectorySeparatorChar))));
                }
            }
        }

        return seen;
    }

    private static IEnumerable<string> References(string projectPath, string item) =>
        XDocument.Load(projectPath).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>().ToList();
}
