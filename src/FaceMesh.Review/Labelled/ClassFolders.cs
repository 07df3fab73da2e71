using System.Text;

namespace FaceMesh.Review.Labelled;

/// <summary>
/// Folder-safe class names. A reviewer's name is stored as typed; on disk, path separators, reserved and control
/// characters become '_', and names that still collide get a numeric suffix, so no name can point outside the export.
/// </summary>
public static class ClassFolders
{
    public static string Safe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            text.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        var safe = text.ToString().Trim().TrimEnd('.');
        return safe.Length == 0 || safe.All(c => c == '.') ? "_" : safe;
    }

    /// <summary>Distinct names to distinct folders, sorted as torchvision's ImageFolder sorts them (ordinal).</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> names)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var folder = Safe(name);
            for (var n = 2; !taken.Add(folder); n++)
            {
                folder = $"{Safe(name)}-{n}";
            }

            folders[name] = folder;
        }

        return folders;
    }
}
