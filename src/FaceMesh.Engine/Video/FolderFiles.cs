namespace FaceMesh.Engine.Video;

/// <summary>The files of a folder and its subfolders with one of some extensions, hidden ones left out, by path.</summary>
public static class FolderFiles
{
    public static IReadOnlyList<string> With(string folder, IReadOnlySet<string> extensions) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
