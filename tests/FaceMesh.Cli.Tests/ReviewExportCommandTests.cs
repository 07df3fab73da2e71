using System.Diagnostics;
using System.Text.Json;
using OpenCvSharp;

namespace FaceMesh.Cli.Tests;

/// <summary><c>facemesh review</c> and <c>facemesh export</c> as a user runs them, and their answers to bad input.</summary>
public sealed class ReviewExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-cli-review-").FullName;

    [Fact]
    public async Task Review_NotADataset_ExitCode2() =>
        Cli.AssertOneError(await Cli.RunAsync("review", _folder), 2, "not a FaceMesh dataset");

    [Fact]
    public async Task Export_NotADataset_ExitCode2() =>
        Cli.AssertOneError(await Cli.RunAsync("export", _folder, "--format", "coco", "-o", Path.Combine(_folder, "out")), 2, "not a FaceMesh dataset");

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError() =>
        Cli.AssertOneError(await Cli.RunAsync("export", _folder, "--format", "pascal", "-o", Path.Combine(_folder, "out")), 2, "pascal");

    [Fact]
    public async Task Export_DedupeOfADetectionFormat_ExitCode2() =>
        Cli.AssertOneError(await Cli.RunAsync("export", _folder, "--format", "yolo", "--dedupe", "-o", Path.Combine(_folder, "out")), 2, "--dedupe applies to imagefolder");

    [Fact]
    public async Task Export_OfADatasetNobodyNamed_WritesAnEmptyExport_AndSaysWhy()
    {
        var dataset = await BlankDatasetAsync();

        var result = await Cli.RunAsync("export", dataset, "--format", "yolo", "-o", Path.Combine(_folder, "yolo"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nobody is named", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nc: 0", File.ReadAllText(Path.Combine(_folder, "yolo", "data.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PrintsALoopbackUrl_AndServesTheDataset()
    {
        var dataset = await BlankDatasetAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "facemesh.dll"));
        foreach (var argument in new[] { "review", dataset })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var url = new Uri(line!.Split(' ').Single(word => word.StartsWith("http://", StringComparison.Ordinal)));
            using var http = new HttpClient();

            var state = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "api/state")));
            var page = await http.GetStringAsync(url);

            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal(0, state.RootElement.GetProperty("people").GetArrayLength());
            Assert.Contains("review.js", page, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private async Task<string> BlankDatasetAsync()
    {
        var clip = Cli.WriteClip(_folder, "blank.mp4", FourCC.MP4V, seconds: 2);
        var dataset = Path.Combine(_folder, "dataset");
        Assert.Equal(0, (await Cli.RunAsync("run", clip, "-o", dataset)).ExitCode);
        return dataset;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
