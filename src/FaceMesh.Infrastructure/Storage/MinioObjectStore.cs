using FaceMesh.Pipeline.Storage;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace FaceMesh.Infrastructure.Storage;

/// <summary>An <see cref="IObjectStore"/> over one bucket of MinIO (or s3rver in tests) through the Minio SDK.</summary>
public sealed class MinioObjectStore(IMinioClient client, string bucket) : IObjectStore
{
    public string Bucket => bucket;

    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
        {
            await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
        }
    }

    public Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default) =>
        client.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(content).WithObjectSize(length).WithContentType(contentType), cancellationToken);

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        try
        {
            await client.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(key).WithCallbackStream((stream, ct) => stream.CopyToAsync(buffer, ct)), cancellationToken);
        }
        catch (Exception e) when (e is ObjectNotFoundException or BucketNotFoundException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);

    public static IMinioClient CreateClient(ObjectStoreOptions options) =>
        new MinioClient().WithEndpoint(options.Endpoint).WithCredentials(options.AccessKey, options.SecretKey).WithSSL(options.UseSsl).Build();
}
