using FaceMesh.Engine.Imaging;

namespace FaceMesh.Engine.Video;

/// <summary>
/// A folder of images taken as footage: every image (in its subfolders too, ordered by path) is one frame, one second
/// after the previous, whatever the sampling interval; each frame carries its path relative to the folder. An image
/// that cannot be read stops the run with its name, as a corrupt video does.
/// </summary>
public sealed class ImageSequence : IFrameSource
{
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff",
    };

    private readonly string _folder;
    private readonly IReadOnlyList<string> _files;

    private ImageSequence(string folder, IReadOnlyList<string> files, VideoInfo info)
    {
        (_folder, _files, Info) = (folder, files, info);
    }

    public VideoInfo Info { get; }

    public int? KnownFrameCount => _files.Count;

    public double? EndedEarlyAtSeconds => null;

    /// <summary>The image files of a folder and its subfolders, hidden ones left out, by path.</summary>
    public static IReadOnlyList<string> FilesIn(string folder) => FolderFiles.With(folder, ImageExtensions);

    public static ImageSequence Open(string folder)
    {
        var files = FilesIn(folder);
        if (files.Count == 0)
        {
            throw new InvalidVideoException($"{folder}: the folder holds no images ({string.Join(", ", ImageExtensions.Order())}).");
        }

        var first = Load(files[0]);
        return new ImageSequence(folder, files, new VideoInfo(first.Width, first.Height, 0, files.Count));
    }

    public IEnumerable<SampledFrame> Sample(CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < _files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SampledFrame(i, i, Load(_files[i]), Path.GetRelativePath(_folder, _files[i]).Replace('\\', '/'));
        }
    }

    public void Dispose()
    {
    }

    private static RgbImage Load(string file)
    {
        try
        {
            return ImageDecoder.Load(file);
        }
        catch (InvalidImageException e)
        {
            throw new InvalidVideoException(e.Message);
        }
    }
}
