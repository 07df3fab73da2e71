
namespace FaceMesh.Pipeline.Storage;

public static class ObjectStoreExtensions
{
    public static async Task PutBytesAsync(this IObjectStore store, string key, byte[] bytes, string contentType, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        await store.PutAsync(key, stream, bytes.Length, contentType, cancellationToken);
    }

    public static Task PutTextAsync(this IObjectStore store, string key, string text, CancellationToken cancellationToken = default) =>
        store.PutBytesAsync(key, System.Text.Encoding.UTF8.GetBytes(text), "application/json", cancellationToken);
}
