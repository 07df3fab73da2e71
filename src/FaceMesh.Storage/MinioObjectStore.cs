using System.Net;
using FaceMesh.Pipeline.Storage;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace FaceMesh.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> over one bucket of MinIO (or s3rver in tests) through the Minio SDK. Transient
/// failures are retried: Minio SDK 6.0.5+ throws a NullReferenceException instead of a proper error when a response
/// carries no error body (minio-dotnet#1316, #1333), as a busy server's 503 does.
/// </summary>
public sealed class MinioObjectStore(IMinioClient client, string bucket) : IObjectStore
{
    private const int Attempts = 5;

    // A presigned URL is used at once; the margin only covers a slow request and clock drift.
    private const int PresignedSeconds = 300;

    public string Bucket => bucket;

    private IMinioClient Client => client;

    /// <summary>Creates the bucket unless it exists; another service creating it at the same moment is success too.</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        if (await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
        {
            return;
        }

        try
        {
            await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
        }
        catch (MinioException)
        {
            if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
            {
                throw;
            }
        }
    }

    public Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken = default)
    {
        var start = content.CanSeek ? content.Position : -1;
        return RetryAsync(async () =>
        {
            if (start >= 0)
            {
                content.Position = start;
            }

            await client.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(content).WithObjectSize(length).WithContentType(contentType), cancellationToken);
            return true;
        }, retryable: start >= 0, cancellationToken);
    }

    /// <summary>
    /// One request: the SDK's GetObjectAsync asks whether the bucket exists and stats the object before its GET, three
    /// requests per read, and reads (job documents and frames, several per frame) are most of what the services send.
    /// So the SDK presigns the GET and its own HttpClient sends it (<see cref="PresignedGetAsync"/>).
    /// </summary>
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => RetryAsync(async () =>
    {
        var (answer, response) = await PresignedGetAsync(key, cancellationToken);
        using (response)
        {
            return answer switch
            {
                PresignedAnswer.Found => await response!.Content.ReadAsByteArrayAsync(cancellationToken),
                PresignedAnswer.Missing => null,
                _ => await GetThroughSdkAsync(key, cancellationToken),
            };
        }
    }, retryable: true, cancellationToken);

    /// <summary>Streams the object into <paramref name="destination"/> in one request, as <see cref="GetAsync"/> reads.</summary>
    public Task<bool> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken = default)
    {
        var start = destination.CanSeek ? destination.Position : -1;
        return RetryAsync(async () =>
        {
            if (start >= 0)
            {
                destination.SetLength(start);
                destination.Position = start;
            }

            var (answer, response) = await PresignedGetAsync(key, cancellationToken);
            using (response)
            {
                switch (answer)
                {
                    case PresignedAnswer.Found:
                        await using (var body = await response!.Content.ReadAsStreamAsync(cancellationToken))
                        {
                            await body.CopyToAsync(destination, 1 << 20, cancellationToken);
                        }

                        return true;
                    case PresignedAnswer.Missing:
                        return false;
                    default:
                        return await DownloadThroughSdkAsync(key, destination, cancellationToken);
                }
            }
        }, retryable: start >= 0, cancellationToken);
    }

    /// <summary>
    /// A GET the SDK presigned, sent with the SDK's HttpClient: the response of a found object (its body not yet
    /// read), or what the answer means. A refused key is an error, not a missing object; a busy server is an error
    /// worth retrying; any other answer (a bucket in another region) is for the caller to ask again the SDK's way.
    /// </summary>
    private async Task<(PresignedAnswer Answer, HttpResponseMessage? Response)> PresignedGetAsync(string key, CancellationToken cancellationToken)
    {
        var url = await client.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(bucket).WithObject(key).WithExpiry(PresignedSeconds));
        var response = await client.Config.HttpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (PresignedAnswer.Found, response);
        }

        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.NotFound => (PresignedAnswer.Missing, null),
                HttpStatusCode.Forbidden => throw new UnauthorizedAccessException($"the object store refused to read {bucket}/{key}: {await response.Content.ReadAsStringAsync(cancellationToken)}"),
                HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                    throw new HttpRequestException($"the object store answered {(int)response.StatusCode} reading {bucket}/{key}", null, response.StatusCode),
                _ => (PresignedAnswer.Unexpected, null),
            };
        }
    }

    private async Task<byte[]?> GetThroughSdkAsync(string key, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        return await DownloadThroughSdkAsync(key, buffer, cancellationToken) ? buffer.ToArray() : null;
    }

    private async Task<bool> DownloadThroughSdkAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(key).WithCallbackStream((stream, ct) => stream.CopyToAsync(destination, 1 << 20, ct)), cancellationToken);
        }
        catch (Exception e) when (e is ObjectNotFoundException or BucketNotFoundException)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Between two buckets of one client (the services' work and datasets buckets): S3 CopyObject, no bytes through
    /// here, in one request. The SDK's CopyObjectAsync stats the source and asks for a bucket first, three requests per
    /// copy, and the Exporter copies every frame and portrait of a dataset. So the copy is signed here and sent with
    /// the SDK's HttpClient; an answer this does not expect (a server in another region, temporary credentials) is
    /// asked again the SDK's way.
    /// </summary>
    public Task<bool> CopyToAsync(string key, IObjectStore destination, string destinationKey, CancellationToken cancellationToken = default) =>
        destination is MinioObjectStore other && ReferenceEquals(other.Client, client)
            ? RetryAsync(() => CopyInOneRequestAsync(key, other.Bucket, destinationKey, cancellationToken), retryable: true, cancellationToken)
            : this.CopyThroughAsync(key, destination, destinationKey, cancellationToken);

    private async Task<bool> CopyInOneRequestAsync(string key, string destinationBucket, string destinationKey, CancellationToken cancellationToken)
    {
        var config = client.Config;
        if (!string.IsNullOrEmpty(config.SessionToken))
        {
            return await CopyThroughSdkAsync(key, destinationBucket, destinationKey, cancellationToken);
        }

        var scheme = config.Secure ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var uri = new Uri($"{scheme}://{config.BaseUrl}/{S3Signature.EncodePath(destinationBucket)}/{S3Signature.EncodePath(destinationKey)}");
        var now = DateTimeOffset.UtcNow;
        var headers = new Dictionary<string, string>
        {
            ["host"] = uri.Authority,
            ["x-amz-content-sha256"] = S3Signature.EmptyPayloadHash,
            ["x-amz-copy-source"] = $"/{S3Signature.EncodePath(bucket)}/{S3Signature.EncodePath(key)}",
            ["x-amz-date"] = S3Signature.Timestamp(now),
        };
        var region = string.IsNullOrEmpty(config.Region) ? S3Credentials.DefaultRegion : config.Region;
        var credentials = new S3Credentials(config.AccessKey, config.SecretKey, region);

        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", S3Signature.Authorization(credentials, "PUT", uri.AbsolutePath, string.Empty, headers, S3Signature.EmptyPayloadHash, now));
        using var response = await config.HttpClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode switch
        {
            // S3 can answer 200 with an error body when a copy fails after it started; that is worth another try.
            HttpStatusCode.OK when body.Contains("<CopyObjectResult", StringComparison.Ordinal) => true,
            HttpStatusCode.OK => throw new HttpRequestException($"the object store failed to copy {bucket}/{key}: {body}"),
            HttpStatusCode.NotFound => false,
            HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                throw new HttpRequestException($"the object store answered {(int)response.StatusCode} copying {bucket}/{key}", null, response.StatusCode),
            _ => await CopyThroughSdkAsync(key, destinationBucket, destinationKey, cancellationToken),
        };
    }

    private async Task<bool> CopyThroughSdkAsync(string key, string destinationBucket, string destinationKey, CancellationToken cancellationToken)
    {
        try
        {
            var source = new CopySourceObjectArgs().WithBucket(bucket).WithObject(key);
            await client.CopyObjectAsync(new CopyObjectArgs().WithBucket(destinationBucket).WithObject(destinationKey).WithCopyObjectSource(source), cancellationToken);
        }
        catch (Exception e) when (e is ObjectNotFoundException or BucketNotFoundException)
        {
            return false;
        }

        return true;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => RetryAsync(async () =>
    {
        await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);
        return true;
    }, retryable: true, cancellationToken);

    private static async Task<T> RetryAsync<T>(Func<Task<T>> operation, bool retryable, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Exception e) when (retryable && attempt < Attempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100 * attempt * attempt, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is NullReferenceException or ConnectionException or HttpRequestException or InternalClientException or IOException
        || (e is MinioException && e is not (ObjectNotFoundException or BucketNotFoundException or AuthorizationException or AccessDeniedException));

    public static IMinioClient CreateClient(ObjectStoreOptions options) =>
        new MinioClient().WithEndpoint(options.Endpoint).WithCredentials(options.AccessKey, options.SecretKey).WithSSL(options.UseSsl).Build();

    private enum PresignedAnswer
    {
        Found,
        Missing,
        Unexpected,
    }
}
