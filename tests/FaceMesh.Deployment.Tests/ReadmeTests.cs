using FaceMesh.Hosting.Settings;

namespace FaceMesh.Deployment.Tests;

/// <summary>The README's settings table against the one registry of settings in code.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_DocumentsEverySetting()
    {
        var readme = Repository.Read("README.md");

        var undocumented = FaceMeshServices.All.SelectMany(s => s.Settings).Select(s => s.Key).Distinct()
            .Where(key => !readme.Contains($"`{key}`", StringComparison.Ordinal) && !readme.Contains($"`{key}` (", StringComparison.Ordinal));

        Assert.Empty(undocumented);
    }
}
