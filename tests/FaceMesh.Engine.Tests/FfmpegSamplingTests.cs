using System.Diagnostics;
using FaceMesh.Engine.Video;

namespace FaceMesh.Engine.Tests;

/// <summary>The ffmpeg command as a decoder, where it cannot be followed (clips made with the ffmpeg command line).</summary>
public sealed class FfmpegSamplingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-ffmpeg-").FullName;

    [Fact]
    public void ACommandWhoseReportsCannotBeRead_IsStopped_AndTheVideoHandedBack()
    {
        // Its frames come out but its reports do not, so nobody reads the frames: it would wait on its output for ever.
        var clip = Clip();
        var command = Script("""args=("$@"); ffmpeg "${args[@]}" 2>/dev/null""");
        using var sampling = new FfmpegSampling(command, clip, frameMs: 40, durationMs: 4000, DecodingPolicy.Default, stallLimit: TimeSpan.FromSeconds(2));

        var frames = sampling.Frames(1000, CancellationToken.None).ToList();

        Assert.Empty(frames);
        Assert.True(sampling.HandedBack);
    }

    [Fact]
    public void TheCommand_ReportsEveryDecodedFrame_AndSelectsOnePerTick()
    {
        var clip = Clip();
        using var sampling = new FfmpegSampling(FfmpegExecutable.Path!, clip, frameMs: 40, durationMs: 4000, DecodingPolicy.EveryFrame);

        var frames = sampling.Frames(1000, CancellationToken.None).ToList();

        Assert.Equal(new[] { 0.0, 1000, 2000, 3000 }, frames.Select(f => f.Ms));
        Assert.All(frames, f => Assert.Equal((320, 240), (f.Image.Width, f.Image.Height)));
        Assert.Equal(100, sampling.FramesDecoded);
        Assert.False(sampling.HandedBack);
        Assert.Equal(3960, sampling.LastTimestampMs!.Value, 3);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Clip()
    {
        var path = Path.Combine(_folder, "clip.mp4");
        var start = new ProcessStartInfo("ffmpeg", $"-loglevel error -y -f lavfi -i testsrc=size=320x240:rate=25 -t 4 -c:v libx264 -pix_fmt yuv420p \"{path}\"") { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return path;
    }

    private string Script(string body)
    {
        var path = Path.Combine(_folder, "ffmpeg-script");
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
