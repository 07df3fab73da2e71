namespace FaceMesh.Pipeline.Export;

/// <summary>
/// Builds a dataset in a hidden staging folder beside the destination and moves it into place only when complete,
/// so an interrupted run leaves nothing half-written. Only FaceMesh's own entries are ever replaced.
/// </summary>
public sealed class OutputFolder
{
    private OutputFolder(string destination, string staging)
    {
        Destination = destination;
        Staging = staging;
    }

    public string Destination { get; }

    public string Staging { get; }

    /// <summary>Checks the destination and creates the staging folder; throws <see cref="OutputFolderException"/>.</summary>
    public static OutputFolder Prepare(string destination, bool force)
    {
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
        {
            throw new OutputFolderException($"{destination} is a file, not a folder.");
        }

        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any() && !force)
        {
            throw new OutputFolderException($"{destination} is not empty (use --force to replace what FaceMesh wrote there).");
        }

        var parent = Path.GetDirectoryName(destination) ?? throw new OutputFolderException($"{destination} has no parent folder.");
        var staging = Path.Combine(parent, $".{Path.GetFileName(destination)}.facemesh-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputFolderException($"cannot write to {parent}: {e.Message}");
        }

        return new OutputFolder(destination, staging);
    }

    /// <summary>Moves the finished dataset into place, replacing only FaceMesh's entries (and nothing else).</summary>
    public void Commit(IEnumerable<string>? entries = null)
    {
        Directory.CreateDirectory(Destination);
        foreach (var entry in entries ?? DatasetPaths.Entries)
        {
            var source = Path.Combine(Staging, entry);
            var target = Path.Combine(Destination, entry);
            if (!Path.Exists(source))
            {
                continue;
            }

            Delete(target);
            if (Directory.Exists(source))
            {
                Directory.Move(source, target);
            }
            else
            {
                File.Move(source, target);
            }
        }

        Abandon();
    }

    /// <summary>
    /// Adds to a dataset: the files of the staged <paramref name="merged"/> folder join the destination's folder of that
    /// name (new frames next to the old), then <paramref name="replaced"/> are replaced as <see cref="Commit"/> does, the
    /// manifest last. Stopped in between, the dataset still reads as before, with a few frames no manifest names yet.
    /// </summary>
    public void CommitAdding(string merged, IEnumerable<string> replaced)
    {
        var source = Path.Combine(Staging, merged);
        if (Directory.Exists(source))
        {
            var target = Directory.CreateDirectory(Path.Combine(Destination, merged)).FullName;
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }

        Commit(replaced);
    }

    /// <summary>Replaces the whole destination with the staging folder, for folders FaceMesh owns entirely (exports).</summary>
    public void CommitWhole()
    {
        var old = Directory.Exists(Destination) ? $"{Staging}.old" : null;
        if (old is not null)
        {
            Directory.Move(Destination, old);
        }

        Directory.Move(Staging, Destination);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Removes the staging folder; safe to call more than once.</summary>
    public void Abandon()
    {
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
