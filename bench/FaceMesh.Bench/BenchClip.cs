using System.Diagnostics;
using OpenCvSharp;

namespace FaceMesh.Bench;

/// <summary>
/// A long 720p (or 1080p) H.264 clip with faces of several people: the fixture photos letterboxed, and group shots with six
/// smaller faces, each still shown for 5 s, cycled to the requested length. Stills are written with OpenCV, then the
/// ffmpeg command line encodes them at 25 fps with libx264 (as cameras and phones deliver footage).
/// </summary>
public static class BenchClip
{
    public static string Create(string fixtures, string folder, double minutes, int height = 720)
    {
        var size = new Size(height * 16 / 9, height);
        var path = Path.Combine(folder, $"bench-{minutes:0.#}min-{height}p.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var photos = Directory.GetFiles(Path.Combine(fixtures, "people"), "*", SearchOption.AllDirectories).Order().ToList();
        var stills = new List<string>();
        for (var i = 0; i < photos.Count; i++)
        {
            stills.Add(WriteStill(folder, $"still_{height}_{i:D2}.png", size, [photos[i]], 1));
            stills.Add(WriteStill(folder, $"group_{height}_{i:D2}.png", size, Enumerable.Range(0, 6).Select(k => photos[(i + (k * 3)) % photos.Count]).ToList(), 6));
        }

        var list = Path.Combine(folder, $"stills_{height}.txt");
        var shots = (int)Math.Ceiling(minutes * 60 / 5);
        File.WriteAllLines(list, Enumerable.Range(0, shots).SelectMany(i => new[] { $"file '{stills[i % stills.Count]}'", "duration 5" }).Append($"file '{stills[(shots - 1) % stills.Count]}'"));
        var start = new ProcessStartInfo("ffmpeg", $"-loglevel error -y -f concat -safe 0 -i \"{list}\" -vf fps=25,format=yuv420p -c:v libx264 -preset veryfast -t {minutes * 60} \"{path}\"");
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException("ffmpeg could not encode the benchmark clip.");
    }

    private static string WriteStill(string folder, string name, Size frame, IReadOnlyList<string> photos, int columns)
    {
        using var canvas = new Mat(frame.Height, frame.Width, MatType.CV_8UC3, new Scalar(60, 70, 80));
        var cellWidth = frame.Width / Math.Min(columns, 3);
        var cellHeight = columns == 1 ? frame.Height : frame.Height / 2;
        for (var k = 0; k < photos.Count; k++)
        {
            using var photo = Cv2.ImRead(photos[k]);
            var fit = Math.Min((double)cellWidth / photo.Width, (double)cellHeight / photo.Height);
            var size = new Size((int)(photo.Width * fit), (int)(photo.Height * fit));
            using var scaled = photo.Resize(size, interpolation: InterpolationFlags.Area);
            var x = ((k % 3) * cellWidth) + ((cellWidth - size.Width) / 2);
            var y = ((k / 3) * cellHeight) + ((cellHeight - size.Height) / 2);
            using var target = new Mat(canvas, new Rect(x, y, size.Width, size.Height));
            scaled.CopyTo(target);
        }

        var path = Path.Combine(folder, name);
        Cv2.ImWrite(path, canvas);
        return path;
    }
}
