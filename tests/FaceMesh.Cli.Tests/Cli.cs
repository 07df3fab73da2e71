using System.Diagnostics;
using OpenCvSharp;

namespace FaceMesh.Cli.Tests;

/// <summary>Runs the real <c>facemesh</c> program as a separate process, as a user would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Fixtures { get; } = FindFixtures();

    public static Task<Result> RunAsync(params string[] args) => RunAsync(args, whileRunning: null);

    /// <summary>Runs facemesh; <paramref name="whileRunning"/> is given the process as soon as it has started.</summary>
    public static async Task<Result> RunAsync(string[] args, Func<Process, Task>? whileRunning)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "facemesh.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (whileRunning is not null)
        {
            await whileRunning(process);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public static void Interrupt(Process process)
    {
        if (Kill(process.Id, 2) != 0)
        {
            throw new InvalidOperationException($"kill -INT {process.Id} failed");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>One "error:" line on stderr naming <paramref name="text"/>, and no native library's log line.</summary>
    public static void AssertOneError(Cli.Result result, int exitCode, string text)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith('[') || l.StartsWith("OpenCV", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(text, lines.Single(l => l.StartsWith("error:", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A clip of flat grey frames (no faces) at 10 fps.</summary>
    public static string WriteClip(string folder, string name, FourCC codec, int seconds)
    {
        var path = Path.Combine(folder, name);
        using var writer = new VideoWriter(path, codec, 10, new Size(320, 240));
        for (var i = 0; i < seconds * 10; i++)
        {
            using var frame = new Mat(240, 320, MatType.CV_8UC3, Scalar.All(i * 2 % 255));
            writer.Write(frame);
        }

        return path;
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaceMesh.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "fixtures");
            }
        }

        throw new InvalidOperationException("FaceMesh.sln not found above the test binaries.");
    }
}
