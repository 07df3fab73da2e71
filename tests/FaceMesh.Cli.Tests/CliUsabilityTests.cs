namespace FaceMesh.Cli.Tests;

/// <summary>What a newcomer sees: help with no command, an example in <c>run --help</c>, summaries in plain English.</summary>
public sealed class CliUsabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-usability-").FullName;

    [Fact]
    public async Task BareFacemesh_PrintsTheHelp()
    {
        var result = await Cli.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Commands:", result.Stdout);
        Assert.Contains("run <footage>", result.Stdout);
        Assert.DoesNotContain("Required command", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task RunHelp_EndsWithAnExample_AndTheNextSteps()
    {
        var result = await Cli.RunAsync("run", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("facemesh run talk.mp4 -o talk-dataset", result.Stdout);
        Assert.Contains("facemesh review talk-dataset", result.Stdout);
        Assert.Contains("facemesh export talk-dataset", result.Stdout);
    }

    [Fact]
    public async Task ARunFindingOnePerson_SaysOnePerson_AndARedirectedLogEndsOnTheFinalState()
    {
        var photos = Directory.CreateDirectory(Path.Combine(_folder, "obama")).FullName;
        foreach (var file in new[] { "obama.jpg", "obama1.jpg", "obama2.jpg", "obama3.jpg" })
        {
            File.Copy(Path.Combine(Cli.Fixtures, "people", "obama", file), Path.Combine(photos, file));
        }

        var result = await Cli.RunAsync("run", photos, "-o", Path.Combine(_folder, "dataset"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4 frames, 4 faces, 1 person, 0 noise", result.Stdout);
        var last = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Matches(@"^export\s+\[#+\] 4/4 portraits$", last);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
