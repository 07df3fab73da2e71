using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Imaging;
using FaceMesh.Testing;
using OpenCvSharp;

namespace FaceMesh.Engine.Tests;

/// <summary>
/// Builds footage-like frames with known ground truth: fixture faces (with their surrounding head and shoulders)
/// scaled so the face box is a given size and pasted on a textured background.
/// </summary>
public static class SyntheticFrame
{
    public sealed record Placement(string Person, BoxF Face);

    /// <summary>The single-face fixture portraits, with the reference's face box and the person's name.</summary>
    public static List<(string File, BoxF Face, string Person)> Portraits() => Golden.All
        .Where(i => i.File.StartsWith("people/", StringComparison.Ordinal) && i.Faces.Count == 1)
        .Select(i => (TestPaths.Fixture(i.File), i.Faces[0].Box, i.File.Split('/')[1]))
        .ToList();

    public static (RgbImage Frame, List<Placement> Truth) Build(int width, int height, IReadOnlyList<(string File, BoxF Face, string Person)> sources, int[] faceSizes, int seed)
    {
        using var canvas = new Mat(height, width, MatType.CV_8UC3);
        var random = new Random(seed);

        // Randu draws from OpenCV's per-thread generator: seeded here, a frame does not depend on what ran before it.
        Cv2.SetTheRNG((ulong)seed + 1);
        using (var noise = new Mat(height / 8, width / 8, MatType.CV_8UC3))
        {
            Cv2.Randu(noise, Scalar.All(40), Scalar.All(200));
            Cv2.Resize(noise, canvas, new OpenCvSharp.Size(width, height), interpolation: InterpolationFlags.Cubic);
        }

        var truth = new List<Placement>();
        var cellWidth = width / 5;
        var cellHeight = height / 3;
        var index = 0;
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 5; col++, index++)
            {
                var (file, face, person) = sources[index % sources.Count];
                var size = faceSizes[index % faceSizes.Length];
                using var photo = Cv2.ImRead(file, ImreadModes.Color);
                var scale = size / face.Width;
                var context = new Rect(
                    (int)Math.Max(0, face.Left - (face.Width * 0.6f)), (int)Math.Max(0, face.Top - (face.Height * 0.5f)), 0, 0);
                context.Width = (int)Math.Min(photo.Width - context.X, face.Width * 2.2f);
                context.Height = (int)Math.Min(photo.Height - context.Y, face.Height * 2.0f);
                using var cut = new Mat(photo, context);
                using var small = new Mat();
                Cv2.Resize(cut, small, new OpenCvSharp.Size(Math.Max(1, (int)(context.Width * scale)), Math.Max(1, (int)(context.Height * scale))), interpolation: InterpolationFlags.Area);
                var x = (col * cellWidth) + random.Next(0, Math.Max(1, cellWidth - small.Width));
                var y = (row * cellHeight) + random.Next(0, Math.Max(1, cellHeight - small.Height));
                var w = Math.Min(small.Width, width - x);
                var h = Math.Min(small.Height, height - y);
                using (var target = new Mat(canvas, new Rect(x, y, w, h)))
                using (var source = new Mat(small, new Rect(0, 0, w, h)))
                {
                    source.CopyTo(target);
                }

                var left = x + ((face.Left - context.X) * scale);
                var top = y + ((face.Top - context.Y) * scale);
                truth.Add(new Placement(person, new BoxF(left, top, left + (face.Width * scale), top + (face.Height * scale))));
            }
        }

        // Footage is softer than photos: a little optical blur and lossy compression.
        Cv2.GaussianBlur(canvas, canvas, new OpenCvSharp.Size(0, 0), 0.8);
        Cv2.ImEncode(".jpg", canvas, out var jpeg, [new ImageEncodingParam(ImwriteFlags.JpegQuality, 60)]);
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Color);
        return (RgbImage.FromMat(decoded), truth);
    }

    /// <summary>How many truth faces the detections find, and how many detections find none (<see cref="Finds"/>).</summary>
    public static (int Found, int False) Score(IReadOnlyList<Placement> truth, IReadOnlyList<FaceDetection> detections) =>
        (truth.Count(t => detections.Any(d => Finds(d.Box, t.Face))), detections.Count(d => !truth.Any(t => Finds(d.Box, t.Face))));

    /// <summary>A detection finds a truth face when its centre lies inside it and their sizes are within a factor of two.</summary>
    public static bool Finds(BoxF detection, BoxF truth) =>
        detection.CenterX >= truth.Left && detection.CenterX <= truth.Right
        && detection.CenterY >= truth.Top && detection.CenterY <= truth.Bottom
        && detection.Width / truth.Width is > 0.5f and < 2f;
}
