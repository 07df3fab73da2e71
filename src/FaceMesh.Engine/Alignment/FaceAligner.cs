using System.Numerics;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Landmarks;
using FaceMesh.Engine.Recognition;
using OpenCvSharp;

namespace FaceMesh.Engine.Alignment;

/// <summary>
/// Cuts the 150x150 chip the descriptor net reads. The chip frame is face-api.js's dlib-style box: centred on the mean
/// of the eye and mouth centres, its side the eye-to-mouth distance / 0.45, with the reference point 43% down.
/// </summary>
public static class FaceAligner
{
    private const float RelativeX = 0.5f;
    private const float RelativeY = 0.43f;
    private const float RelativeScale = 0.45f;
    private const int Size = DescriptorNet.ChipSize;

    /// <summary>face-api.js's <c>alignDlib</c> box, clipped to the image, as its recognition step cuts it.</summary>
    public static PixelRect SquareBox(FaceLandmarks68 landmarks, PixelRect landmarkCrop, int imageWidth, int imageHeight)
    {
        var (reference, size) = Frame(landmarks);
        var flooredSize = MathF.Floor(size);
        var x = MathF.Floor(Math.Max(0, reference.X - (RelativeX * flooredSize)));
        var y = MathF.Floor(Math.Max(0, reference.Y - (RelativeY * flooredSize)));
        var box = new BoxF(x, y, x + Math.Min(flooredSize, landmarkCrop.Width + x), y + Math.Min(flooredSize, landmarkCrop.Height + y));
        return box.ClipToPixels(imageWidth, imageHeight);
    }

    public static void WriteChip(RgbImage image, FaceLandmarks68 landmarks, PixelRect landmarkCrop, AlignmentMode mode, Span<float> destination)
    {
        if (mode == AlignmentMode.Square)
        {
            var box = SquareBox(landmarks, landmarkCrop, image.Width, image.Height);
            if (box.IsEmpty)
            {
                box = landmarkCrop;
            }

            NetInputWriter.Write(image, box, Size, centerPadding: true, ChannelNormalization.FaceNets, destination);
            return;
        }

        using var chip = WarpRotated(image, landmarks);
        var rgb = new RgbImage(Size, Size, ToBytes(chip));
        NetInputWriter.Write(rgb, new PixelRect(0, 0, Size, Size), Size, centerPadding: true, ChannelNormalization.FaceNets, destination);
    }

    private static Mat WarpRotated(RgbImage image, FaceLandmarks68 landmarks)
    {
        var (reference, size) = Frame(landmarks);
        var eyes = landmarks.RightEyeCenter - landmarks.LeftEyeCenter;
        var angle = MathF.Atan2(eyes.Y, eyes.X);
        var scale = size / Size;
        var a = MathF.Cos(angle) * scale;
        var b = MathF.Sin(angle) * scale;
        var origin = reference + Rotate(new Vector2(-RelativeX * size, -RelativeY * size), angle);

        // Maps chip pixels to image pixels, hence WarpInverseMap.
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, (double)a);
        transform.Set(0, 1, (double)-b);
        transform.Set(0, 2, (double)origin.X);
        transform.Set(1, 0, (double)b);
        transform.Set(1, 1, (double)a);
        transform.Set(1, 2, (double)origin.Y);

        using var source = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC3, image.Pixels);
        var chip = new Mat();
        Cv2.WarpAffine(source, chip, transform, new OpenCvSharp.Size(Size, Size),
            InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, Scalar.All(0));
        return chip;
    }

    private static (Vector2 Reference, float Size) Frame(FaceLandmarks68 landmarks)
    {
        var left = landmarks.LeftEyeCenter;
        var right = landmarks.RightEyeCenter;
        var mouth = landmarks.MouthCenter;
        var eyeToMouth = (Vector2.Distance(mouth, left) + Vector2.Distance(mouth, right)) / 2;
        return ((left + right + mouth) / 3, Math.Max(1f, eyeToMouth / RelativeScale));
    }

    private static Vector2 Rotate(Vector2 v, float angle) =>
        new((v.X * MathF.Cos(angle)) - (v.Y * MathF.Sin(angle)), (v.X * MathF.Sin(angle)) + (v.Y * MathF.Cos(angle)));

    private static byte[] ToBytes(Mat chip)
    {
        var bytes = new byte[Size * Size * 3];
        System.Runtime.InteropServices.Marshal.Copy(chip.Data, bytes, 0, bytes.Length);
        return bytes;
    }
}
