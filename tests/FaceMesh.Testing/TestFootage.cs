using System.Text.Json;
using FaceMesh.Engine.Imaging;
using OpenCvSharp;

namespace FaceMesh.Testing;

/// <summary>
/// Footage with known ground truth, built from the identity-labelled fixture photos: each photo held for a few seconds
/// (letterboxed into 1280x720), some shown again smaller at another place, and stretches without faces.
/// </summary>
public sealed class TestFootage
{
    public const int Width = 1280;
    public const int Height = 720;
    public const int Fps = 10;

    private TestFootage(string path, IReadOnlyList<Segment> segments)
    {
        Path = path;
        Segments = segments;
    }

    /// <summary>A stretch of footage: from, to (seconds), who is shown and where their face is (null for no face).</summary>
    public sealed record Segment(double Start, double End, string? Person, BoxF? Face);

    public string Path { get; }

    public IReadOnlyList<Segment> Segments { get; }

    public static string Fixtures => TestPaths.Fixtures;

    public Segment At(double seconds) => Segments.First(s => seconds >= s.Start && seconds < s.End);

    /// <summary>Writes the clip (MPEG-4 part 2 through OpenCV's FFmpeg backend) into <paramref name="folder"/>.</summary>
    public static TestFootage Create(string folder, int secondsPerShot = 3, bool smallRepeats = true)
    {
        var golden = LoadGoldenBoxes();
        var shots = new List<(string? File, string? Person, float Scale, Point2f Offset)> { (null, null, 0, default) };
        foreach (var person in Directory.GetDirectories(System.IO.Path.Combine(Fixtures, "people")).Order())
        {
            foreach (var file in Directory.GetFiles(person).Order())
            {
                shots.Add((file, System.IO.Path.GetFileName(person), 1f, default));
            }
        }

        if (smallRepeats)
        {
            var people = shots.Where(s => s.File is not null).GroupBy(s => s.Person).Select(g => g.First()).ToList();
            for (var i = 0; i < people.Count; i++)
            {
                shots.Add((people[i].File, people[i].Person, 0.45f, new Point2f(80 + (i * 150), 60 + (i % 2 * 200))));
            }
        }

        shots.Add((null, null, 0, default));

        var path = System.IO.Path.Combine(folder, "footage.mp4");
        var segments = new List<Segment>();
        using var writer = new VideoWriter(path, FourCC.MP4V, Fps, new OpenCvSharp.Size(Width, Height));
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException("OpenCV could not open an MP4 writer.");
        }

        var time = 0.0;
        foreach (var (file, person, scale, offset) in shots)
        {
            using var canvas = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(70, 90, 60));
            BoxF? face = null;
            if (file is not null)
            {
                using var photo = Cv2.ImRead(file, ImreadModes.Color);
                var fit = Math.Min((double)Width / photo.Width, (double)Height / photo.Height) * scale;
                var size = new OpenCvSharp.Size((int)(photo.Width * fit), (int)(photo.Height * fit));
                var x = scale < 1 ? (int)offset.X : (Width - size.Width) / 2;
                var y = scale < 1 ? (int)offset.Y : (Height - size.Height) / 2;
                using var resized = photo.Resize(size, interpolation: InterpolationFlags.Area);
                using (var target = new Mat(canvas, new Rect(x, y, size.Width, size.Height)))
                {
                    resized.CopyTo(target);
                }

                var box = golden[Relative(file)];
                face = new BoxF((float)((box.Left * fit) + x), (float)((box.Top * fit) + y), (float)((box.Right * fit) + x), (float)((box.Bottom * fit) + y));
            }

            for (var f = 0; f < secondsPerShot * Fps; f++)
            {
                writer.Write(canvas);
            }

            segments.Add(new Segment(time, time + secondsPerShot, person, face));
            time += secondsPerShot;
        }

        return new TestFootage(path, segments);
    }

    private static Dictionary<string, BoxF> LoadGoldenBoxes()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestPaths.Golden));
        return document.RootElement.GetProperty("images").EnumerateArray()
            .Where(i => i.GetProperty("faces").GetArrayLength() == 1)
            .ToDictionary(i => i.GetProperty("file").GetString()!, i =>
            {
                var b = i.GetProperty("faces")[0].GetProperty("box");
                var (x, y) = (b.GetProperty("x").GetSingle(), b.GetProperty("y").GetSingle());
                return new BoxF(x, y, x + b.GetProperty("width").GetSingle(), y + b.GetProperty("height").GetSingle());
            });
    }

    private static string Relative(string file) => System.IO.Path.GetRelativePath(Fixtures, file).Replace('\\', '/');
}
