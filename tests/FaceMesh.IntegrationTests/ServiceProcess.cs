using System.Diagnostics;

namespace FaceMesh.IntegrationTests;

/// <summary>One service running as its own process, as in production; its output is kept for failure messages.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly List<string> _output = [];
    private Process? _process;

    public ServiceProcess(string name, string assembly, IReadOnlyDictionary<string, string> environment, int httpPort)
    {
        Name = name;
        HttpPort = httpPort;
        // Started from a folder that is not the service's, as an operator's shell or a process manager would.
        _start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        _start.ArgumentList.Add(Path.Combine(BinaryFolder(assembly), $"{assembly}.dll"));
        foreach (var (key, value) in environment)
        {
            _start.Environment[key] = value;
        }
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the process printed, kept after the tests for diagnosis.</summary>
    public string LogPath => Path.Combine(Path.GetTempPath(), "facemesh-integration-logs", $"{Name}.log");

    public int HttpPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    public void Start()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        _process = Process.Start(_start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready in {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM, as Kubernetes and docker stop send: the host shuts down gracefully; waits for it to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false })
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    public int? ExitCode => _process is { HasExited: true } ? _process.ExitCode : null;

    /// <summary>SIGKILL: no graceful shutdown, in-flight messages are left unacknowledged.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            File.AppendAllText(LogPath, line + "\n");
        }
    }

    internal static string BinaryFolder(string assembly)
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}release", StringComparison.Ordinal) ? "release" : "debug";
        var project = assembly.Replace("FaceMesh.", string.Empty, StringComparison.Ordinal);
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "bin", project, configuration);
            if (File.Exists(Path.Combine(candidate, $"{assembly}.dll")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{assembly}.dll not built (expected under artifacts/bin/{project}/{configuration}).");
    }
}
