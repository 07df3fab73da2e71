using System.Text.RegularExpressions;

namespace FaceMesh.Deployment.Tests;

/// <summary>
/// The repository's bash scripts run under <c>set -o pipefail</c>. There, <c>producer | grep -q x</c> is a race: grep
/// exits at the first match, the producer dies of SIGPIPE (141) and the whole test reads as "not found" in some runs
/// (setup.sh reinstalled or refused libgtk-3-0 about one run in three). Such checks read the producer's output through
/// a process substitution instead.
/// </summary>
public sealed partial class ShellScriptTests
{
    [Fact]
    public void NoScript_PipesIntoAQuietGrep()
    {
        var offending = BashScripts()
            .SelectMany(file => File.ReadLines(Repository.PathOf(file)).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith('#') && QuietGrepAfterPipe().IsMatch(l.line))
            .Select(l => $"{l.file}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "pipes into grep -q under pipefail:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void TheAudit_SeesTheScripts()
    {
        var scripts = BashScripts();
        Assert.Contains("scripts/setup.sh", scripts);
        Assert.Contains(".ci/run", scripts);
        Assert.Contains("facemesh", scripts);
    }

    /// <summary>Tracked files that start with a bash shebang.</summary>
    private static List<string> BashScripts()
    {
        var (exit, output, error) = Repository.Run("git", ["ls-files"]);
        Assert.True(exit == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => File.Exists(Repository.PathOf(file)) && File.ReadLines(Repository.PathOf(file)).FirstOrDefault()?.StartsWith("#!/usr/bin/env bash", StringComparison.Ordinal) == true)
            .ToList();
    }

    [GeneratedRegex(@"\|\s*grep\s+(-[a-zA-Z]*q|--quiet)")]
    private static partial Regex QuietGrepAfterPipe();
}
