using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Storage;

/// <summary>An <see cref="IObjectStore"/> over a local folder: the embedded stand-in for MinIO.</summary>
public sealed class LocalFolderObjectStore(string root) : IObjectStore
{
    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        await source.CopyToAsync(destination, 1 << 20, cancellationToken);
        return true;
    }

    /// <summary>Between two local folders: a file copy (atomic at the destination, as a put is).</summary>
    public Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default)
    {
        if (destination is not LocalFolderObjectStore other)
        {
            return this.CopyThroughAsync(key, destination, destinationKey, cancellationToken);
        }

        var source = PathOf(key);
        if (!File.Exists(source))
        {
            return Task.FromResult(false);
        }

        var target = other.PathOf(destinationKey);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        File.Copy(source, temporary);
        File.Move(temporary, target, overwrite: true);
        return Task.FromResult(true);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // No folder of the key, so no such object: as with a missing file, nothing to remove.
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (key.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"Object key '{key}' is not a plain relative path.", nameof(key));
        }

        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
