using System.Runtime.InteropServices;
using OpenCvSharp;

namespace FaceMesh.Engine.Imaging;

/// <summary>An 8-bit RGB image in row-major, interleaved layout: the form every network input is cut from.</summary>
public sealed class RgbImage
{
    /// <summary>Images beyond this many pixels are refused rather than risk exhausting memory (about 400 MB of RGB).</summary>
    public const long MaxPixels = 134_217_728;

    public RgbImage(int width, int height, byte[] pixels)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidImageException($"Image dimensions {width}x{height} are not positive.");
        }

        if (pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes of RGB, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>Copies an OpenCV image (gray, BGR or BGRA, 8-bit) into RGB.</summary>
    public static RgbImage FromMat(Mat mat)
    {
        if (mat.Empty())
        {
            throw new InvalidImageException("The image is empty.");
        }

        if ((long)mat.Width * mat.Height > MaxPixels)
        {
            throw new InvalidImageException($"The image is {mat.Width}x{mat.Height}, larger than the {MaxPixels:N0}-pixel limit.");
        }

        using var rgb = new Mat();
        var code = mat.Channels() switch
        {
            1 => ColorConversionCodes.GRAY2RGB,
            3 => ColorConversionCodes.BGR2RGB,
            4 => ColorConversionCodes.BGRA2RGB,
            var n => throw new InvalidImageException($"Images with {n} channels are not supported."),
        };
        using var eightBit = mat.Depth() == MatType.CV_8U ? null : new Mat();
        if (eightBit is not null)
        {
            mat.ConvertTo(eightBit, MatType.MakeType(MatType.CV_8U, mat.Channels()), 255.0 / 65535.0);
        }

        Cv2.CvtColor(eightBit ?? mat, rgb, code);
        var pixels = new byte[rgb.Width * rgb.Height * 3];
        if (rgb.IsContinuous())
        {
            Marshal.Copy(rgb.Data, pixels, 0, pixels.Length);
        }
        else
        {
            var (rows, rowBytes) = (rgb.Height, rgb.Width * 3);
            for (var y = 0; y < rows; y++)
            {
                Marshal.Copy(rgb.Ptr(y), pixels, y * rowBytes, rowBytes);
            }
        }

        return new RgbImage(rgb.Width, rgb.Height, pixels);
    }

    /// <summary>Wraps the pixels as a BGR <see cref="Mat"/> for OpenCV operations; the caller disposes it.</summary>
    public Mat ToBgrMat()
    {
        using var rgb = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, Pixels);
        var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        return bgr;
    }
}
