namespace FaceMesh.Testing;

/// <summary>Locations tests read from: the fixture photos in the repository (tests/fixtures), and the committed golden file.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures { get; } = Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Golden { get; } = Path.Combine(AppContext.BaseDirectory, "golden", "face-api.json");

    public static string Fixture(string relative)
    {
        var path = Path.Combine(Fixtures, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Fixture missing: {path} (tests read the photos in tests/fixtures).");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaceMesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FaceMesh.sln not found above the test binaries.");
    }
}
