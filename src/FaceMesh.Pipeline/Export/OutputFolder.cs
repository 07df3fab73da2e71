namespace FaceMesh.Pipeline.Export;

/// <summary>
/// Builds a dataset in a hidden staging folder beside the destination and moves it into place only when complete,
/// so an interrupted run leaves nothing half-written. Only FaceMesh's own entries are ever replaced. While a run
/// stages, it holds an exclusive lock on <c>&lt;staging&gt;.lock</c>; a staging folder whose lock nobody holds was left by
/// a run that was killed, and the next run for the same destination removes it.
/// </summary>
public sealed class OutputFolder
{
    private FileStream? _owner;

    private OutputFolder(string destination, string staging, FileStream owner)
    {
        Destination = destination;
        Staging = staging;
        _owner = owner;
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
        var staging = Path.Combine(parent, $"{StagingPrefix(destination)}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            RemoveAbandonedStaging(parent, destination);
            var owner = new FileStream(staging + LockSuffix, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            Directory.CreateDirectory(staging);
            return new OutputFolder(destination, staging, owner);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputFolderException($"cannot write to {destination}: {Reason(e, staging)}");
        }
    }

    /// <summary>Why a folder cannot be written, without the hidden staging names the user never typed.</summary>
    private static string Reason(Exception e, string staging) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "files cannot be created there",
        _ => e.Message.Replace(staging + LockSuffix, Path.GetDirectoryName(staging), StringComparison.Ordinal).Replace(staging, Path.GetDirectoryName(staging), StringComparison.Ordinal),
    };

    private const string LockSuffix = ".lock";

    private static string StagingPrefix(string destination) => $".{Path.GetFileName(destination)}.facemesh-";

    /// <summary>Staging folders of this destination whose lock no process holds (or that have none) are litter.</summary>
    private static void RemoveAbandonedStaging(string parent, string destination)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, $"{StagingPrefix(destination)}*"))
        {
            if (folder.EndsWith(".old", StringComparison.Ordinal))
            {
                continue;
            }

            var lockPath = folder + LockSuffix;
            try
            {
                using (File.Exists(lockPath) ? new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None) : null)
                {
                    Directory.Delete(folder, recursive: true);
                }

                File.Delete(lockPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held (another run is staging there now), or not ours to delete: left as it is.
            }
        }
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

        ReleaseOwnership();
    }

    /// <summary>Removes the staging folder and its lock; safe to call more than once.</summary>
    public void Abandon()
    {
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }

        ReleaseOwnership();
    }

    private void ReleaseOwnership()
    {
        if (_owner is null)
        {
            return;
        }

        _owner.Dispose();
        _owner = null;
        File.Delete(Staging + LockSuffix);
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
