using System.Diagnostics;

namespace FaceMesh.IntegrationTests;

/// <summary>The <c>facemesh</c> CLI as a process, with the test S3 server's keys in its environment.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "facemesh.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FACEMESH_S3_ACCESS_KEY"] = "S3RVER";
        start.Environment["FACEMESH_S3_SECRET_KEY"] = "S3RVER";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
