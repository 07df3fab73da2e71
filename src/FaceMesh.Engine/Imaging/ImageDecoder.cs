using OpenCvSharp;

namespace FaceMesh.Engine.Imaging;

/// <summary>Decodes image files with OpenCV, turning every failure into an <see cref="InvalidImageException"/>.</summary>
public static class ImageDecoder
{
    /// <summary>Encoded files larger than this are refused before decoding.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public static RgbImage Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidImageException($"{path}: no such file.");
        }

        if (info.Length == 0)
        {
            throw new InvalidImageException($"{path}: the file is empty (0 bytes).");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InvalidImageException($"{path}: the file is {info.Length:N0} bytes, over the {MaxFileBytes:N0}-byte limit.");
        }

        return Decode(File.ReadAllBytes(path), path);
    }

    public static RgbImage Decode(byte[] bytes, string name = "image")
    {
        if (bytes.Length == 0)
        {
            throw new InvalidImageException($"{name}: the file is empty (0 bytes).");
        }

        var header = ImageHeader.TryReadSize(bytes);
        if (header is { } size && (long)size.Width * size.Height > RgbImage.MaxPixels)
        {
            throw new InvalidImageException($"{name}: the image is {size.Width}x{size.Height}, larger than the {RgbImage.MaxPixels:N0}-pixel limit.");
        }

        Mat mat;
        try
        {
            mat = Cv2.ImDecode(bytes, ImreadModes.Color);
        }
        catch (OpenCVException e)
        {
            throw new InvalidImageException($"{name}: not a readable image ({e.Message.Trim()}).");
        }

        using (mat)
        {
            if (mat.Empty())
            {
                throw new InvalidImageException($"{name}: not a readable image (unknown format or corrupt data).");
            }

            return RgbImage.FromMat(mat);
        }
    }
}
