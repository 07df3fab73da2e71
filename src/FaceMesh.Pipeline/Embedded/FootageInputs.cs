using FaceMesh.Engine.Video;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// The videos a collection is made of, from what the user named: files as given, and for a folder the video files in
/// it and its subfolders, by path; a folder with no video but images is itself footage, one frame per image
/// (<see cref="ImageSequence"/>). Each video counts once however often it is named.
/// </summary>
public static class FootageInputs
{
    /// <summary>What a folder's videos are told by: the extensions of the containers FFmpeg reads for footage.</summary>
    public static readonly IReadOnlySet<string> VideoExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".asf", ".flv", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts", ".3gp", ".ogv", ".gif",
    };

    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var videos = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = FolderFiles.With(input, VideoExtensions);
                if (found.Count == 0 && ImageSequence.FilesIn(input).Count > 0)
                {
                    videos.Add(Path.TrimEndingDirectorySeparator(input));
                    continue;
                }

                videos.AddRange(found.Count > 0 ? found : throw new InvalidVideoException(
                    $"{input}: the folder holds no video files ({string.Join(", ", VideoExtensions.Order())}) and no images ({string.Join(", ", ImageSequence.ImageExtensions.Order())})."));
            }
            else
            {
                videos.Add(File.Exists(input) ? input : throw new InvalidVideoException($"{input}: no such file or folder."));
            }
        }

        var distinct = videos.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.GroupBy(Path.GetFileName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidVideoException($"two videos are named {twice.Key} ({string.Join(", ", twice)}): a dataset tells its videos apart by file name, rename one.");
        }

        return distinct.Count > 0 ? distinct : throw new InvalidVideoException("no footage was named.");
    }
}
