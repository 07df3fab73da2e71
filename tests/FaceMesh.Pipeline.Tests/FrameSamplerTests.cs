using System.Diagnostics;
using FaceMesh.Engine.Video;

namespace FaceMesh.Pipeline.Tests;

/// <summary>Sampling by timestamp on clips made with the ffmpeg command line (installed by scripts/setup.sh).</summary>
public sealed class FrameSamplerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-sampler-").FullName;

    [Fact]
    public void VariableFrameRate_WithMisleadingMetadata_IsSampledByTime()
    {
        // 2 s at 30 fps then 3 s at 5 fps; the container claims 30 fps throughout, so counting frames would say 2.5 s.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=30 -t 2 -c:v mpeg4 a.mkv");
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=5 -t 3 -c:v mpeg4 b.mkv");
        File.WriteAllText(Path.Combine(_folder, "list.txt"), "file 'a.mkv'\nfile 'b.mkv'\n");
        Ffmpeg("-f concat -safe 0 -i list.txt -c copy vfr.mkv");

        // Its timestamps are whole frames of the claimed rate, so a seek is tried: it overshoots, and reading takes over.
        using var sampler = new FrameSampler(Path.Combine(_folder, "vfr.mkv"), TimeSpan.FromSeconds(1));
        using var everyFrame = new FrameSampler(Path.Combine(_folder, "vfr.mkv"), TimeSpan.FromSeconds(1), DecodingPolicy.EveryFrame);
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();
        var everyFrameTimes = everyFrame.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(new[] { 0.0, 1.0, 2.0, 3.0, 4.0 }, times);
        Assert.Equal(times, everyFrameTimes);
        Assert.Equal(75, everyFrame.FramesGrabbed);
        Assert.Equal(4.8, sampler.LastTimestampSeconds!.Value, 3);
    }

    [Fact]
    public void HalfSecondInterval_OnH264_KeepsEveryHalfSecond_AtNativeResolution()
    {
        Ffmpeg("-f lavfi -i testsrc=size=1280x720:rate=20 -t 3 -c:v libx264 -pix_fmt yuv420p clip.mp4");
        using var sampler = new FrameSampler(Path.Combine(_folder, "clip.mp4"), TimeSpan.FromMilliseconds(500));
        var frames = sampler.Sample().ToList();
        Assert.Equal(new[] { 0, 0.5, 1, 1.5, 2, 2.5 }, frames.Select(f => f.TimeSeconds));
        Assert.All(frames, f => Assert.Equal((1280, 720), (f.Image.Width, f.Image.Height)));
        Assert.Equal(Enumerable.Range(0, 6), frames.Select(f => f.Index));
    }

    [Fact]
    public void BFrames_NothingRefersTo_AreNotDecoded_AndEachTickTakesTheNextDecodedFrame()
    {
        // x264's defaults: 3 B-frames, the middle one a reference, so about every other frame is one nothing refers to.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 20 -c:v libx264 -pix_fmt yuv420p bframes.mp4");
        var path = Path.Combine(_folder, "bframes.mp4");

        using var exact = new FrameSampler(path, TimeSpan.FromSeconds(1), DecodingPolicy.EveryFrame);
        using var skipping = new FrameSampler(path, TimeSpan.FromSeconds(1));
        var exactTimes = exact.Sample().Select(f => f.TimeSeconds).ToList();
        var skippingTimes = skipping.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(s => (double)s), exactTimes);
        Assert.Equal(500, exact.FramesGrabbed);
        Assert.True(skipping.SkippingNonReferenceFrames);
        Assert.InRange(skipping.FramesGrabbed, 100, 350);
        Assert.Equal(20, skippingTimes.Count);
        Assert.All(skippingTimes.Zip(exactTimes), pair => Assert.InRange(pair.First, pair.Second, pair.Second + 0.08));
    }

    [Fact]
    public void LongRunsOfUndecodedFrames_FallBackToDecodingEveryFrame_WithExactTicks()
    {
        // 15 B-frames in a row, none a reference: leaving them out would leave gaps of 0.64 s, over a quarter interval.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 12 -c:v libx264 -bf 15 -x264-params b-adapt=0:b-pyramid=none -pix_fmt yuv420p gaps.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "gaps.mp4"), TimeSpan.FromSeconds(1));
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.False(sampler.SkippingNonReferenceFrames);
        Assert.Equal(Enumerable.Range(0, 12).Select(s => (double)s), times);
    }

    [Fact]
    public void ShortKeyframeIntervals_AndLongSamplingIntervals_SeekToEachTick_ForTheSameFrames()
    {
        Ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -t 60 -c:v libx264 -g 25 -bf 0 -pix_fmt yuv420p shortgop.mp4");
        var path = Path.Combine(_folder, "shortgop.mp4");

        using var exact = new FrameSampler(path, TimeSpan.FromSeconds(5), DecodingPolicy.EveryFrame);
        using var seeking = new FrameSampler(path, TimeSpan.FromSeconds(5));
        var exactFrames = exact.Sample().ToList();
        var seekingFrames = seeking.Sample().ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(s => s * 5.0), exactFrames.Select(f => f.TimeSeconds));
        Assert.Equal(exactFrames.Select(f => f.TimeSeconds), seekingFrames.Select(f => f.TimeSeconds));
        Assert.All(exactFrames.Zip(seekingFrames), pair => Assert.Equal(pair.First.Image.Pixels, pair.Second.Image.Pixels));
        Assert.InRange(seeking.Seeks, 8, 11);
        Assert.InRange(seeking.FramesGrabbed, 12, 300);
        Assert.Equal(1500, exact.FramesGrabbed);
    }

    [Fact]
    public void LongKeyframeIntervals_AreReadThrough_NotSeeked()
    {
        Ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -t 40 -c:v libx264 -g 250 -bf 0 -pix_fmt yuv420p longgop.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "longgop.mp4"), TimeSpan.FromSeconds(2));
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(s => s * 2.0), times);
        Assert.Equal(0, sampler.Seeks);
    }

    [Fact]
    public void AFileCutShort_SaysWhereItsStreamEnded_AndAWholeOneDoesNot()
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=10 -t 60 -c:v libx264 -g 10 -pix_fmt yuv420p -movflags +faststart whole.mp4");
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "whole.mp4"));
        File.WriteAllBytes(Path.Combine(_folder, "cut.mp4"), bytes[..(bytes.Length * 4 / 10)]);

        using var whole = new FrameSampler(Path.Combine(_folder, "whole.mp4"), TimeSpan.FromSeconds(1));
        using var cut = new FrameSampler(Path.Combine(_folder, "cut.mp4"), TimeSpan.FromSeconds(1));
        var wholeFrames = whole.Sample().Count();
        var cutFrames = cut.Sample().ToList();

        Assert.Equal(60, wholeFrames);
        Assert.Null(whole.EndedEarlyAtSeconds);
        Assert.Equal(60, cut.Info.DurationSeconds);
        Assert.InRange(cut.EndedEarlyAtSeconds!.Value, cutFrames[^1].TimeSeconds, cutFrames[^1].TimeSeconds + 1);
        Assert.InRange(cut.EndedEarlyAtSeconds!.Value, 10, 40);
    }

    [Fact]
    public void Cancellation_StopsSampling()
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 5 -c:v mpeg4 long.mp4");
        using var sampler = new FrameSampler(Path.Combine(_folder, "long.mp4"), TimeSpan.FromSeconds(1));
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var frame in sampler.Sample(cancel.Token))
            {
                cancel.Cancel();
            }
        });
    }

    [Theory]
    [InlineData("readme.txt", "text")]
    [InlineData("notes.mp4", "text")]
    [InlineData("banner.ans", "text")]
    public void TextFiles_AreRefused_NotPlayedAsAnsiArt(string name, string what)
    {
        // FFmpeg's tty demuxer opens any .txt or .ans file as a few frames of rendered text.
        var text = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"\u001b[1;3{i % 8}mLine {i}: FaceMesh turns footage into datasets, déjà vu.\u001b[0m"));
        File.WriteAllText(Path.Combine(_folder, name), text);

        var error = Assert.Throws<InvalidVideoException>(() => new FrameSampler(Path.Combine(_folder, name), TimeSpan.FromSeconds(1)));

        Assert.Contains($"the file is {what}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("bmp")]
    [InlineData("jpg")]
    public void StillImages_AreRefused_NotMadeIntoOneFrameVideos(string extension)
    {
        Ffmpeg($"-f lavfi -i testsrc=size=320x240 -frames:v 1 still.{extension}");

        var error = Assert.Throws<InvalidVideoException>(() => new FrameSampler(Path.Combine(_folder, $"still.{extension}"), TimeSpan.FromSeconds(1)));

        Assert.Contains("image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnimatedGif_IsFootage()
    {
        Ffmpeg("-f lavfi -i testsrc=size=160x120:rate=5 -t 3 anim.gif");

        using var sampler = new FrameSampler(Path.Combine(_folder, "anim.gif"), TimeSpan.FromSeconds(1));

        Assert.Equal(3, sampler.Sample().Count());
    }

    private void Ffmpeg(string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", $"-loglevel error -y {arguments}") { WorkingDirectory = _folder, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg {arguments}: {error}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
