using System.Diagnostics;
using FaceMesh.Engine.Video;

namespace FaceMesh.Pipeline.Tests;

/// <summary>
/// Sampling by timestamp on clips made with the ffmpeg command line (installed by scripts/setup.sh), each with both
/// decoders: the ffmpeg command (<see cref="VideoDecoder.Auto"/>, which must then really be the one that sampled) and
/// OpenCV's FFmpeg.
/// </summary>
public sealed class FrameSamplerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("facemesh-sampler-").FullName;

    public static TheoryData<VideoDecoder> Decoders => [VideoDecoder.Auto, VideoDecoder.OpenCv];

    [Theory]
    [MemberData(nameof(Decoders))]
    public void VariableFrameRate_WithMisleadingMetadata_IsSampledByTime(VideoDecoder decoder)
    {
        // 2 s at 30 fps then 3 s at 5 fps; the container claims 30 fps throughout, so counting frames would say 2.5 s.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=30 -t 2 -c:v mpeg4 a.mkv");
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=5 -t 3 -c:v mpeg4 b.mkv");
        File.WriteAllText(Path.Combine(_folder, "list.txt"), "file 'a.mkv'\nfile 'b.mkv'\n");
        Ffmpeg("-f concat -safe 0 -i list.txt -c copy vfr.mkv");

        // Its timestamps are whole frames of the claimed rate, so a seek is tried: it overshoots, and reading takes over.
        using var sampler = new FrameSampler(Path.Combine(_folder, "vfr.mkv"), TimeSpan.FromSeconds(1), With(decoder));
        using var everyFrame = new FrameSampler(Path.Combine(_folder, "vfr.mkv"), TimeSpan.FromSeconds(1), With(decoder, DecodingPolicy.EveryFrame));
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();
        var everyFrameTimes = everyFrame.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(new[] { 0.0, 1.0, 2.0, 3.0, 4.0 }, times);
        Assert.Equal(times, everyFrameTimes);
        Assert.Equal(75, everyFrame.FramesGrabbed);
        Assert.Equal(4.8, sampler.LastTimestampSeconds!.Value, 3);
        AssertSampledBy(decoder, sampler, everyFrame);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void HalfSecondInterval_OnH264_KeepsEveryHalfSecond_AtNativeResolution(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc=size=1280x720:rate=20 -t 3 -c:v libx264 -pix_fmt yuv420p clip.mp4");
        using var sampler = new FrameSampler(Path.Combine(_folder, "clip.mp4"), TimeSpan.FromMilliseconds(500), With(decoder));
        var frames = sampler.Sample().ToList();
        Assert.Equal(new[] { 0, 0.5, 1, 1.5, 2, 2.5 }, frames.Select(f => f.TimeSeconds));
        Assert.All(frames, f => Assert.Equal((1280, 720), (f.Image.Width, f.Image.Height)));
        Assert.Equal(Enumerable.Range(0, 6), frames.Select(f => f.Index));
        AssertSampledBy(decoder, sampler);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void BFrames_NothingRefersTo_AreNotDecoded_AndEachTickTakesTheNextDecodedFrame(VideoDecoder decoder)
    {
        // x264's defaults: 3 B-frames, the middle one a reference, so about every other frame is one nothing refers to.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 20 -c:v libx264 -pix_fmt yuv420p bframes.mp4");
        var path = Path.Combine(_folder, "bframes.mp4");

        using var exact = new FrameSampler(path, TimeSpan.FromSeconds(1), With(decoder, DecodingPolicy.EveryFrame));
        using var skipping = new FrameSampler(path, TimeSpan.FromSeconds(1), With(decoder));
        var exactTimes = exact.Sample().Select(f => f.TimeSeconds).ToList();
        var skippingTimes = skipping.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(s => (double)s), exactTimes);
        Assert.Equal(500, exact.FramesGrabbed);
        Assert.True(skipping.SkippingNonReferenceFrames);
        Assert.InRange(skipping.FramesGrabbed, 100, 350);
        Assert.Equal(20, skippingTimes.Count);
        Assert.All(skippingTimes.Zip(exactTimes), pair => Assert.InRange(pair.First, pair.Second, pair.Second + 0.08));
        AssertSampledBy(decoder, exact, skipping);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void LongRunsOfUndecodedFrames_FallBackToDecodingEveryFrame_WithExactTicks(VideoDecoder decoder)
    {
        // 15 B-frames in a row, none a reference: leaving them out would leave gaps of 0.64 s, over a quarter interval.
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 12 -c:v libx264 -bf 15 -x264-params b-adapt=0:b-pyramid=none -pix_fmt yuv420p gaps.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "gaps.mp4"), TimeSpan.FromSeconds(1), With(decoder));
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.False(sampler.SkippingNonReferenceFrames);
        Assert.Equal(Enumerable.Range(0, 12).Select(s => (double)s), times);
        AssertSampledBy(decoder, sampler);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void ShortKeyframeIntervals_AndLongSamplingIntervals_SeekToEachTick_ForTheSameFrames(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -t 60 -c:v libx264 -g 25 -bf 0 -pix_fmt yuv420p shortgop.mp4");
        var path = Path.Combine(_folder, "shortgop.mp4");

        using var exact = new FrameSampler(path, TimeSpan.FromSeconds(5), With(decoder, DecodingPolicy.EveryFrame));
        using var seeking = new FrameSampler(path, TimeSpan.FromSeconds(5), With(decoder));
        var exactFrames = exact.Sample().ToList();
        var seekingFrames = seeking.Sample().ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(s => s * 5.0), exactFrames.Select(f => f.TimeSeconds));
        Assert.Equal(exactFrames.Select(f => f.TimeSeconds), seekingFrames.Select(f => f.TimeSeconds));
        // The same pictures: to the bit when one decoder gave both, within colour-conversion rounding when two did.
        Assert.All(exactFrames.Zip(seekingFrames), pair => AssertSamePicture(pair.First.Image, pair.Second.Image, toTheBit: decoder == VideoDecoder.OpenCv));
        Assert.InRange(seeking.Seeks, 8, 11);
        Assert.InRange(seeking.FramesGrabbed, 12, 300);
        Assert.Equal(1500, exact.FramesGrabbed);
        AssertSampledBy(decoder, exact);

        // Seeking is OpenCV's (a new run of the command costs more than it saves): the command hands the video over
        // once it has seen keyframes close enough, after the first tick or two.
        Assert.False(seeking.SampledByFfmpegCommand);
        Assert.Equal(decoder == VideoDecoder.Auto ? 2 : 0, seeking.FramesKeptByFfmpegCommand);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void LongKeyframeIntervals_AreReadThrough_NotSeeked(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -t 40 -c:v libx264 -g 250 -bf 0 -pix_fmt yuv420p longgop.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "longgop.mp4"), TimeSpan.FromSeconds(2), With(decoder));
        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(s => s * 2.0), times);
        Assert.Equal(0, sampler.Seeks);
        AssertSampledBy(decoder, sampler);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void AFileCutShort_SaysWhereItsStreamEnded_AndAWholeOneDoesNot(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=10 -t 60 -c:v libx264 -g 10 -pix_fmt yuv420p -movflags +faststart whole.mp4");
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "whole.mp4"));
        File.WriteAllBytes(Path.Combine(_folder, "cut.mp4"), bytes[..(bytes.Length * 4 / 10)]);

        using var whole = new FrameSampler(Path.Combine(_folder, "whole.mp4"), TimeSpan.FromSeconds(1), With(decoder));
        using var cut = new FrameSampler(Path.Combine(_folder, "cut.mp4"), TimeSpan.FromSeconds(1), With(decoder));
        var wholeFrames = whole.Sample().Count();
        var cutFrames = cut.Sample().ToList();

        Assert.Equal(60, wholeFrames);
        Assert.Null(whole.EndedEarlyAtSeconds);
        Assert.Equal(60, cut.Info.DurationSeconds);
        Assert.InRange(cut.EndedEarlyAtSeconds!.Value, cutFrames[^1].TimeSeconds, cutFrames[^1].TimeSeconds + 1);
        Assert.InRange(cut.EndedEarlyAtSeconds!.Value, 10, 40);
        AssertSampledBy(decoder, whole);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Cancellation_StopsSampling(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 5 -c:v mpeg4 long.mp4");
        using var sampler = new FrameSampler(Path.Combine(_folder, "long.mp4"), TimeSpan.FromSeconds(1), With(decoder));
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var frame in sampler.Sample(cancel.Token))
            {
                cancel.Cancel();
            }
        });
    }

    [Fact]
    public void BothDecoders_KeepTheSameFrames_WithTheSamePixelsWithinRounding()
    {
        // x264's defaults with B-frames, as phones and cameras record, and a picture that changes in every frame.
        Ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=30 -t 12 -c:v libx264 -pix_fmt yuv420p moving.mp4");
        var path = Path.Combine(_folder, "moving.mp4");

        using var command = new FrameSampler(path, TimeSpan.FromSeconds(1));
        using var openCv = new FrameSampler(path, TimeSpan.FromSeconds(1), With(VideoDecoder.OpenCv));
        var commandFrames = command.Sample().ToList();
        var openCvFrames = openCv.Sample().ToList();

        Assert.True(command.SampledByFfmpegCommand);
        Assert.Equal(openCvFrames.Select(f => f.TimeSeconds), commandFrames.Select(f => f.TimeSeconds));
        Assert.Equal(openCv.FramesGrabbed, command.FramesGrabbed);
        Assert.All(commandFrames.Zip(openCvFrames), pair => AssertSamePicture(pair.Second.Image, pair.First.Image, toTheBit: false));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void PhoneFootage_WithARotationFlag_IsSampledUpright(VideoDecoder decoder)
    {
        // Phones record landscape and flag the display rotation; the frames must come out as the viewer saw them.
        Ffmpeg("-f lavfi -i testsrc2=size=640x360:rate=30 -t 3 -c:v libx264 -pix_fmt yuv420p landscape.mp4");
        Ffmpeg("-i landscape.mp4 -c copy -metadata:s:v:0 rotate=90 portrait.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "portrait.mp4"), TimeSpan.FromSeconds(1), With(decoder));
        var frames = sampler.Sample().ToList();

        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal((360, 640), (f.Image.Width, f.Image.Height)));
        AssertSampledBy(decoder, sampler);
    }

    [Theory]
    [InlineData("exit 1")]
    [InlineData("args=(\"$@\"); ffmpeg \"${args[@]:0:$#-1}\" -frames:v 3 \"${args[-1]}\"; exit 1")]
    public void ACommandThatFails_HandsTheVideoToOpenCv_WhereItStopped(string script)
    {
        // A command that fails at once, and one that fails after three frames: OpenCV samples what is left.
        Ffmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -t 10 -c:v libx264 -pix_fmt yuv420p clip.mp4");
        var command = Path.Combine(_folder, "failing-ffmpeg");
        File.WriteAllText(command, $"#!/usr/bin/env bash\n{script}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var failing = new FrameSampler(Path.Combine(_folder, "clip.mp4"), TimeSpan.FromSeconds(1), DecodingPolicy.Default with { FfmpegCommand = command });
        using var openCv = new FrameSampler(Path.Combine(_folder, "clip.mp4"), TimeSpan.FromSeconds(1), With(VideoDecoder.OpenCv));
        var times = failing.Sample().Select(f => (f.Index, f.TimeSeconds)).ToList();

        Assert.Equal(openCv.Sample().Select(f => (f.Index, f.TimeSeconds)), times);
        Assert.Equal(10, times.Count);
        Assert.False(failing.SampledByFfmpegCommand);
    }

    [Theory]
    [InlineData("-i concat:a.mp4|b.mp4.mp4")]
    [InlineData("subfile,,start,0,end,1,,:clip.mp4")]
    [InlineData("-vf null; rm -rf x.mp4")]
    public void HostileNames_AreFilesToTheCommand_NotOptionsOrProtocols(string name)
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 3 -c:v libx264 -pix_fmt yuv420p clip.mp4");
        File.Copy(Path.Combine(_folder, "clip.mp4"), Path.Combine(_folder, name));

        using var sampler = new FrameSampler(Path.Combine(_folder, name), TimeSpan.FromSeconds(1));

        Assert.Equal(3, sampler.Sample().Count());
        Assert.True(sampler.SampledByFfmpegCommand);
    }

    [Fact]
    public void ACommandThatIsNotThere_LeavesTheVideoToOpenCv()
    {
        Ffmpeg("-f lavfi -i testsrc=size=320x240:rate=25 -t 3 -c:v mpeg4 clip.mp4");

        using var sampler = new FrameSampler(Path.Combine(_folder, "clip.mp4"), TimeSpan.FromSeconds(1), DecodingPolicy.Default with { FfmpegCommand = Path.Combine(_folder, "no-such-ffmpeg") });

        Assert.Equal(3, sampler.Sample().Count());
        Assert.False(sampler.SampledByFfmpegCommand);
    }

    [Fact]
    public void TheCommand_IsTheConfiguredOne_OrTheFirstOnThePath_OrNoneWhenTurnedOff()
    {
        var first = Directory.CreateDirectory(Path.Combine(_folder, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_folder, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "ffmpeg"), string.Empty);
        File.WriteAllText(Path.Combine(first, "my-ffmpeg"), string.Empty);
        var path = string.Join(Path.PathSeparator, first, second);

        Assert.Equal(Path.Combine(second, "ffmpeg"), FfmpegExecutable.Find(null, path));
        Assert.Equal(Path.Combine(first, "my-ffmpeg"), FfmpegExecutable.Find(Path.Combine(first, "my-ffmpeg"), path));
        Assert.Null(FfmpegExecutable.Find("off", path));
        Assert.Null(FfmpegExecutable.Find(Path.Combine(first, "missing"), path));
        Assert.Null(FfmpegExecutable.Find(null, first));
        Assert.NotNull(FfmpegExecutable.Path);
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

    [Theory]
    [MemberData(nameof(Decoders))]
    public void AnimatedGif_IsFootage(VideoDecoder decoder)
    {
        Ffmpeg("-f lavfi -i testsrc=size=160x120:rate=5 -t 3 anim.gif");

        using var sampler = new FrameSampler(Path.Combine(_folder, "anim.gif"), TimeSpan.FromSeconds(1), With(decoder));

        Assert.Equal(3, sampler.Sample().Count());
    }

    private static void AssertSamePicture(FaceMesh.Engine.Imaging.RgbImage expected, FaceMesh.Engine.Imaging.RgbImage actual, bool toTheBit)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        if (toTheBit)
        {
            Assert.Equal(expected.Pixels, actual.Pixels);
            return;
        }

        // FFmpeg's SIMD colour conversion rounds differently from its C code, by a step or two on average.
        var differences = expected.Pixels.Zip(actual.Pixels, (a, b) => Math.Abs(a - b)).ToList();
        Assert.InRange(differences.Average(), 0, 1.5);
        Assert.InRange(differences.Max(), 0, 8);
    }

    private static DecodingPolicy With(VideoDecoder decoder, DecodingPolicy? policy = null) => (policy ?? DecodingPolicy.Default) with { Decoder = decoder };

    /// <summary>The decoder asked for is the one that sampled: the ffmpeg command, or OpenCV.</summary>
    private static void AssertSampledBy(VideoDecoder decoder, params FrameSampler[] samplers) =>
        Assert.All(samplers, sampler => Assert.Equal(decoder == VideoDecoder.Auto, sampler.SampledByFfmpegCommand));

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
