using System.Diagnostics;
using FaceMesh.Engine.Video;

namespace FaceMesh.Bench;

/// <summary>
/// Sampling cost per decoder and decoding policy on generated 720p H.264 clips (moving test pattern with sensor-like
/// noise, 25 fps) of three GOP structures, at sampling intervals of 1, 2 and 5 s. Every policy samples the same ticks;
/// the table gives the time, the CPU time (this process and the ffmpeg commands it ran), the frames decoded one by one,
/// the seeks, and how far the sampled frames lie after the ticks that OpenCV decoding every frame gives.
/// </summary>
public static class DecodingBenchmark
{
    private static readonly (string Name, string Encoding)[] Clips =
    [
        ("long GOP (10 s), B-frames", "-g 250"),
        ("short GOP (1 s), B-frames", "-g 25"),
        ("short GOP (1 s), no B-frames", "-g 25 -bf 0"),
    ];

    private static readonly (string Name, DecodingPolicy Policy)[] Policies =
    [
        ("every frame", DecodingPolicy.EveryFrame),
        ("skip non-reference", new DecodingPolicy(SkipNonReferenceFrames: true, SeekPastKeyframes: false)),
        ("seek", new DecodingPolicy(SkipNonReferenceFrames: false, SeekPastKeyframes: true)),
        ("default (both)", DecodingPolicy.Default),
    ];

    public static void Run(string folder, double seconds)
    {
        Directory.CreateDirectory(folder);
        Console.WriteLine($"# Sampling 720p H.264 at 25 fps, {seconds:0} s clips, {Environment.ProcessorCount} cores");
        Console.WriteLine("| clip | interval | policy | decoder | frames | seconds | CPU seconds | decoded one by one | seeks | mean shift ms | max shift ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        for (var c = 0; c < Clips.Length; c++)
        {
            var path = Encode(folder, $"decoding-{c}.mp4", Clips[c].Encoding, seconds);
            foreach (var interval in new[] { 1, 2, 5 })
            {
                List<double>? ticks = null;
                foreach (var (name, policy) in Policies)
                {
                    foreach (var decoder in new[] { VideoDecoder.OpenCv, VideoDecoder.Auto })
                    {
                        var cpu = CpuTime.OfThisProcessAndItsCommands();
                        var watch = Stopwatch.StartNew();
                        using var sampler = new FrameSampler(path, TimeSpan.FromSeconds(interval), policy with { Decoder = decoder });
                        var times = sampler.Sample().Select(f => f.TimeSeconds).ToList();
                        watch.Stop();
                        cpu = CpuTime.OfThisProcessAndItsCommands() - cpu;
                        ticks ??= times;
                        var shifts = times.Zip(ticks, (t, tick) => (t - tick) * 1000).ToList();
                        var used = decoder == VideoDecoder.OpenCv ? "OpenCV"
                            : sampler.SampledByFfmpegCommand ? "ffmpeg command"
                            : $"ffmpeg command, then OpenCV seeking ({sampler.FramesKeptByFfmpegCommand} frames by the command)";
                        Console.WriteLine($"| {Clips[c].Name} | {interval} s | {name} | {used} | {times.Count} | {watch.Elapsed.TotalSeconds:0.00} | {cpu.TotalSeconds:0.00} | {sampler.FramesGrabbed} | {sampler.Seeks} | {shifts.Average():0.0} | {shifts.Max():0} |");
                    }
                }
            }
        }
    }

    private static string Encode(string folder, string name, string encoding, double seconds)
    {
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        var arguments = $"-loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t+u -t {seconds} "
            + $"-c:v libx264 -preset veryfast -pix_fmt yuv420p {encoding} \"{path}\"";
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments))!;
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException($"ffmpeg could not encode {name}.");
    }
}
