
namespace FaceMesh.Pipeline.Storage;

public static class ObjectStoreExtensions
{
    public static async Task PutBytesAsync(this IObjectStore store, string key, byte[] bytes, string contentType, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        await store.PutAsync(key, stream, bytes.Length, contentType, cancellationToken);
    }

    /// <summary>Streams the object into a new file at <paramref name="path"/>; false (and no file) when there is no such object.</summary>
    public static async Task<bool> DownloadToFileAsync(this IObjectStore store, string key, string path, CancellationToken cancellationToken = default)
    {
        bool found;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true))
        {
            found = await store.DownloadAsync(key, file, cancellationToken);
        }

        if (!found)
        {
            File.Delete(path);
        }

        return found;
    }

    /// <summary>A copy between stores that cannot copy on a server: streamed through a temporary file.</summary>
    public static async Task<bool> CopyThroughAsync(this IObjectStore source, string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default)
    {
        var path = Path.GetTempFileName();
        try
        {
            if (!await source.DownloadToFileAsync(key, path, cancellationToken))
            {
                return false;
            }

            await using var file = File.OpenRead(path);
            await destination.PutAsync(destinationKey, file, file.Length, "application/octet-stream", cancellationToken);
            return true;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static Task PutTextAsync(this IObjectStore store, string key, string text, CancellationToken cancellationToken = default) =>
        store.PutBytesAsync(key, System.Text.Encoding.UTF8.GetBytes(text), "application/json", cancellationToken);
}
