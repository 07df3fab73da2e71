using System.Diagnostics;
using OpenCvSharp;

namespace FaceMesh.Bench;

/// <summary>
/// A long 720p H.264 clip with faces of several people: the fixture photos letterboxed, and group shots with six
/// smaller faces, each still shown for 5 s, cycled to the requested length. Stills are written with OpenCV, then the
/// ffmpeg command line encodes them at 25 fps with libx264 (as cameras and phones deliver footage).
/// </summary>
public static class BenchClip
{
    public static string Create(string fixtures, string folder, double minutes)
    {
        var path = Path.Combine(folder, $"bench-{minutes:0.#}min-720p.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var photos = Directory.GetFiles(Path.Combine(fixtures, "people"), "*", SearchOption.AllDirectories).Order().ToList();
        var stills = new List<string>();
        for (var i = 0; i < photos.Count; i++)
        {
            stills.Add(WriteStill(folder, $"still_{i:D2}.png", [photos[i]], 1));
            stills.Add(WriteStill(folder, $"group_{i:D2}.png", Enumerable.Range(0, 6).Select(k => photos[(i + (k * 3)) % photos.Count]).ToList(), 6));
        }

        var list = Path.Combine(folder, "stills.txt");
        var shots = (int)Math.Ceiling(minutes * 60 / 5);
        File.WriteAllLines(list, Enumerable.Range(0, shots).SelectMany(i => new[] { $"file '{stills[i % stills.Count]}'", "duration 5" }).Append($"file '{stills[(shots - 1) % stills.Count]}'"));
        var start = new ProcessStartInfo("ffmpeg", $"-loglevel error -y -f concat -safe 0 -i \"{list}\" -vf fps=25,format=yuv420p -c:v libx264 -preset veryfast -t {minutes * 60} \"{path}\"");
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException("ffmpeg could not encode the benchmark clip.");
    }

    private static string WriteStill(string folder, string name, IReadOnlyList<string> photos, int columns)
    {
        using var canvas = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(60, 70, 80));
        var cellWidth = 1280 / Math.Min(columns, 3);
        var cellHeight = columns == 1 ? 720 : 360;
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
