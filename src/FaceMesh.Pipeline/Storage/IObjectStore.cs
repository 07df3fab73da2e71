namespace FaceMesh.Pipeline.Storage;

/// <summary>
/// The port every stage stores objects through: MinIO in the distributed system, a local folder when embedded.
/// Keys are '/'-separated paths. Nothing here lists objects, so stores without reliable listings work too.
/// </summary>
public interface IObjectStore
{
    Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Returns the object's bytes, or null when there is no such object. For small objects (documents, frames).</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the object into <paramref name="destination"/> without holding it in memory (footage may be gigabytes);
    /// false when there is no such object. A retried transfer starts the destination over, so it must be seekable.
    /// </summary>
    Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the object to <paramref name="destinationKey"/> in <paramref name="destination"/>: on the server where the
    /// store can (two buckets of one MinIO; two folders of one disk), else through this process
    /// (<see cref="ObjectStoreExtensions.CopyThroughAsync"/>). False when there is no such object.
    /// </summary>
    Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; removing one that does not exist is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
