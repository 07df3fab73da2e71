namespace FaceMesh.Pipeline.Storage;

/// <summary>
/// The port every stage stores objects through: MinIO in the distributed system, a local folder when embedded.
/// Keys are '/'-separated paths. Nothing here lists objects, so stores without reliable listings work too.
/// </summary>
public interface IObjectStore
{
    Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Returns the object's bytes, or null when there is no such object.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);
}
