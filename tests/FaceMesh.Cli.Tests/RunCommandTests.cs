using OpenCvSharp;

namespace FaceMesh.Cli.Tests;

/// <summary>Bad input to <c>facemesh run</c> and <c>recluster</c>: an exit code and one clear line, nothing half-written.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-run-cli-").FullName;

    [Fact]
    public async Task MissingFile_ExitCode2()
    {
        var result = await Cli.RunAsync("run", Path.Combine(_folder, "nope.mp4"), "-o", Out("a"));
        AssertOneError(result, 2, "no such file");
        Assert.False(Directory.Exists(Out("a")));
    }

    [Fact]
    public async Task CtrlC_DuringARun_ExitCode130_SaysSo_AndLeavesNoStaging()
    {
        var clip = Cli.WriteClip(_folder, "long.avi", FourCC.MJPG, seconds: 120);
        var output = Out("interrupted");

        var result = await Cli.RunAsync(["run", clip, "-o", output, "--interval", "100ms"], async process =>
        {
            // Interrupt once the run is staging frames.
            while (!process.HasExited && !Directory.EnumerateDirectories(_folder, ".interrupted.facemesh-*").SelectMany(Directory.EnumerateFileSystemEntries).Any())
            {
                await Task.Delay(50);
            }

            Cli.Interrupt(process);
        });

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled: nothing was written.", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder, ".interrupted*"));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task ACutMp4_GivesOneErrorLine_AndVerboseAddsTheNativeLines()
    {
        var whole = Cli.WriteClip(_folder, "whole.mp4", FourCC.FromString("mp4v"), seconds: 3);
        var cut = Path.Combine(_folder, "cut.mp4");
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(whole))[..2000]);

        AssertOneError(await Cli.RunAsync("run", cut, "-o", Out("cut")), 2, "not a readable video");
        var verbose = await Cli.RunAsync("run", cut, "-o", Out("cut"), "--verbose");
        Assert.Contains(verbose.Stderr.Split('\n'), l => l.StartsWith('['));
    }

    [Theory]
    [InlineData("--eps", "-1", "--eps must be between 0.01 and 2 (got -1)")]
    [InlineData("--min-samples", "0", "--min-samples must be between 1 and 10000 (got 0)")]
    [InlineData("--detector", "yolo", "--detector must be ssd or tiny (got 'yolo')")]
    [InlineData("--precision", "fp16", "--precision must be int8 or float32 (got 'fp16')")]
    public async Task ABadOptionValue_IsNamedAsTheUserTypedIt(string option, string value, string message)
    {
        var clip = Cli.WriteClip(_folder, "clip.avi", FourCC.MJPG, seconds: 1);

        AssertOneError(await Cli.RunAsync("run", clip, "-o", Out("bad-option"), option, value), 2, message);
        Assert.False(Directory.Exists(Out("bad-option")));
    }

    [Fact]
    public async Task ADetectorNamedInCapitals_IsTaken()
    {
        var clip = Cli.WriteClip(_folder, "clip.avi", FourCC.MJPG, seconds: 1);

        Assert.Equal(0, (await Cli.RunAsync("run", clip, "-o", Out("tiny"), "--detector", "TINY")).ExitCode);
    }

    [Fact]
    public async Task AnUnwritableOutput_IsNamedAsTheUserTypedIt()
    {
        var clip = Cli.WriteClip(_folder, "clip.avi", FourCC.MJPG, seconds: 1);

        var result = await Cli.RunAsync("run", clip, "-o", "/proc/facemesh-dataset");

        AssertOneError(result, 2, "cannot write to /proc/facemesh-dataset:");
        Assert.DoesNotContain(".facemesh-", result.Stderr.Replace("/proc/facemesh-dataset", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClipCutShort_IsWarnedAbout_AndRecordedInTheManifest()
    {
        var whole = Cli.WriteClip(_folder, "whole.avi", FourCC.MJPG, seconds: 40);
        var bytes = await File.ReadAllBytesAsync(whole);
        var cut = Path.Combine(_folder, "cut.avi");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var result = await Cli.RunAsync("run", cut, "-o", Out("cut-short"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Stderr.Split('\n'), l => l.StartsWith("warning: cut.avi ended at ", StringComparison.Ordinal) && l.Contains("of the 40 s"));
        using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out("cut-short"), "manifest.json")));
        Assert.InRange(manifest.RootElement.GetProperty("sources")[0].GetProperty("endedEarlyAtSeconds").GetDouble(), 10, 30);
    }

    [Fact]
    public async Task SubmittingAFolder_ExitCode2_SaysItIsAFolder()
    {
        AssertOneError(await Cli.RunAsync("submit", _folder), 2, "is a folder");
    }

    [Fact]
    public async Task TextFileNamedMp4_ExitCode2()
    {
        var path = Path.Combine(_folder, "notes.mp4");
        await File.WriteAllTextAsync(path, "not a video at all");
        AssertOneError(await Cli.RunAsync("run", path, "-o", Out("b")), 2, "not a readable video");
        AssertNothingLeft("b");
    }

    [Fact]
    public async Task TextFile_IsNotFootage_ExitCode2()
    {
        var path = Path.Combine(_folder, "readme.txt");
        await File.WriteAllTextAsync(path, string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i} of a readme")));
        AssertOneError(await Cli.RunAsync("run", path, "-o", Out("t")), 2, "the file is text");
        AssertNothingLeft("t");
    }

    [Fact]
    public async Task ZeroBytes_ExitCode2()
    {
        var path = Path.Combine(_folder, "empty.mp4");
        await File.WriteAllBytesAsync(path, []);
        AssertOneError(await Cli.RunAsync("run", path, "-o", Out("c")), 2, "empty");
        AssertNothingLeft("c");
    }

    [Fact]
    public async Task TruncatedVideo_StopsAtTheRealEnd()
    {
        var full = WriteClip("clip.avi", FourCC.MJPG, seconds: 6);
        var bytes = await File.ReadAllBytesAsync(full);
        var truncated = Path.Combine(_folder, "truncated.avi");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        var result = await Cli.RunAsync("run", truncated, "-o", Out("d"), "--interval", "500ms");

        // The first half of the file holds about three of the six seconds: a dataset of those, never an error.
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        var frames = Directory.GetFiles(Path.Combine(Out("d"), "images")).Length;
        Assert.InRange(frames, 4, 8);
    }

    [Fact]
    public async Task VideoWithoutFaces_GivesAnEmptyValidDataset()
    {
        var clip = WriteClip("blank.mp4", FourCC.MP4V, seconds: 3);
        var result = await Cli.RunAsync("run", clip, "-o", Out("e"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No faces were found", result.Stdout);
        Assert.True(File.Exists(Path.Combine(Out("e"), "manifest.json")));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Out("e"), "labels")).Length);
    }

    [Fact]
    public async Task NonEmptyOutput_IsRefused_UnlessForced_AndOtherFilesAreKept()
    {
        var clip = WriteClip("blank2.mp4", FourCC.MP4V, seconds: 2);
        Directory.CreateDirectory(Out("f"));
        var keep = Path.Combine(Out("f"), "my-notes.txt");
        await File.WriteAllTextAsync(keep, "mine");

        AssertOneError(await Cli.RunAsync("run", clip, "-o", Out("f")), 2, "not empty");
        Assert.Single(Directory.GetFileSystemEntries(Out("f")));

        Assert.Equal(0, (await Cli.RunAsync("run", clip, "-o", Out("f"), "--force")).ExitCode);
        Assert.Equal("mine", await File.ReadAllTextAsync(keep));
        Assert.True(File.Exists(Path.Combine(Out("f"), "manifest.json")));
    }

    [Fact]
    public async Task UnwritableOutput_ExitCode2()
    {
        var clip = WriteClip("blank3.mp4", FourCC.MP4V, seconds: 1);
        var blocker = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocker, "x");
        AssertOneError(await Cli.RunAsync("run", clip, "-o", Path.Combine(blocker, "dataset")), 2, "cannot write");
    }

    [Fact]
    public async Task SeveralVideos_WithoutAnOutputFolder_IsAUsageError()
    {
        var a = WriteClip("one.mp4", FourCC.MP4V, seconds: 1);
        var b = WriteClip("two.mp4", FourCC.MP4V, seconds: 1);
        AssertOneError(await Cli.RunAsync("run", a, b), 2, "-o");
    }

    [Fact]
    public async Task AFolderOfVideos_IsOneDataset_AndAddGrowsIt()
    {
        var footage = Directory.CreateDirectory(Path.Combine(_folder, "footage")).FullName;
        Cli.WriteClip(footage, "day1.mp4", FourCC.MP4V, seconds: 2);
        Cli.WriteClip(footage, "day2.mkv", FourCC.MP4V, seconds: 3);
        var later = WriteClip("day3.mp4", FourCC.MP4V, seconds: 1);

        var run = await Cli.RunAsync("run", footage, "-o", Out("g"));
        var add = await Cli.RunAsync("add", Out("g"), later, Path.Combine(footage, "day1.mp4"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Contains("Added: day3.mp4", add.Stdout);
        Assert.Contains("Already in the dataset (not encoded again): day1.mp4", add.Stdout);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(Out("g"), "images")).Length);
    }

    [Fact]
    public async Task Add_ToAFolderThatIsNoDataset_ExitCode2() =>
        AssertOneError(await Cli.RunAsync("add", _folder, WriteClip("x1.mp4", FourCC.MP4V, seconds: 1)), 2, "not a FaceMesh dataset");

    [Fact]
    public async Task BadInterval_IsAUsageError() =>
        AssertOneError(await Cli.RunAsync("run", "x.mp4", "--interval", "soon"), 2, "--interval");

    [Fact]
    public async Task Recluster_NotADataset_ExitCode2() =>
        AssertOneError(await Cli.RunAsync("recluster", _folder, "--eps", "0.4"), 2, "not a FaceMesh dataset");

    private string Out(string name) => Path.Combine(_folder, name);

    private void AssertNothingLeft(string name)
    {
        Assert.False(Directory.Exists(Out(name)));
        Assert.DoesNotContain(Directory.GetDirectories(_folder), d => Path.GetFileName(d).StartsWith('.'));
    }

    private static void AssertOneError(Cli.Result result, int exitCode, string text) => Cli.AssertOneError(result, exitCode, text);

    private string WriteClip(string name, FourCC codec, int seconds) => Cli.WriteClip(_folder, name, codec, seconds);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
