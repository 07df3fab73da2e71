using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;
using Minio;

namespace FaceMesh.IntegrationTests;

/// <summary>The MinIO adapter against the S3 test server.</summary>
public sealed class ObjectStoreTests
{
    private static readonly Minio.IMinioClient Client =
        MinioObjectStore.CreateClient(new ObjectStoreOptions { Endpoint = "127.0.0.1:9000", AccessKey = "S3RVER", SecretKey = "S3RVER" });

    [Fact]
    public async Task Reads_TakeOneRequestEach_FoundOrNot()
    {
        var (client, requests) = LoggedClient();
        var store = new MinioObjectStore(client, $"reads-{Guid.NewGuid():N}"[..30]);
        await store.EnsureBucketAsync();
        await store.PutTextAsync("jobs/a/state.json", "{\"frames\":3}");
        await store.PutTextAsync("jobs/a b+c/état.json", "{}");
        requests.Clear();

        Assert.Equal("{\"frames\":3}", Encoding.UTF8.GetString(await store.GetAsync("jobs/a/state.json") ?? []));
        Assert.Equal("{}", Encoding.UTF8.GetString(await store.GetAsync("jobs/a b+c/état.json") ?? []));
        Assert.Null(await store.GetAsync("jobs/a/cancel.json"));
        Assert.Null(await new MinioObjectStore(client, $"absent-{Guid.NewGuid():N}"[..30]).GetAsync("jobs/a/state.json"));

        Assert.Equal(["GET", "GET", "GET", "GET"], requests.Methods);
    }

    [Fact]
    public async Task Reads_WithAnUnknownKey_FailInsteadOfFindingNothing()
    {
        var refused = await SeenWithAnUnknownKeyAsync("refused", "jobs/a/state.json");

        await Assert.ThrowsAnyAsync<Exception>(() => refused.GetAsync("jobs/a/state.json"));
    }

    [Fact]
    public async Task Downloads_TakeOneRequestEach_FoundOrNot()
    {
        var (client, requests) = LoggedClient();
        var store = new MinioObjectStore(client, $"dl-{Guid.NewGuid():N}"[..30]);
        await store.EnsureBucketAsync();
        var bytes = new byte[3 << 20];
        new Random(5).NextBytes(bytes);
        await store.PutBytesAsync("footage/job/a b+c é.mp4", bytes, "video/mp4");
        requests.Clear();

        using var found = new MemoryStream();
        Assert.True(await store.DownloadAsync("footage/job/a b+c é.mp4", found));
        Assert.False(await store.DownloadAsync("footage/job/missing.mp4", new MemoryStream()));

        Assert.Equal(["GET", "GET"], requests.Methods);
        Assert.Equal(bytes, found.ToArray());
    }

    /// <summary>A refused key is an error, never "no such object": the footage or manifest would look lost.</summary>
    [Fact]
    public async Task Downloads_WithAnUnknownKey_FailInsteadOfFindingNothing()
    {
        var refused = await SeenWithAnUnknownKeyAsync("dl-refused", "datasets/job/manifest.json");

        await Assert.ThrowsAnyAsync<Exception>(() => refused.DownloadAsync("datasets/job/manifest.json", new MemoryStream()));
    }

    [Fact]
    public async Task ServicesCreatingTheSameBucketAtOnce_AllSucceed()
    {
        var bucket = $"race-{Guid.NewGuid():N}"[..30];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new MinioObjectStore(Client, bucket).EnsureBucketAsync()));

        await new MinioObjectStore(Client, bucket).PutTextAsync("probe.json", "{}");
    }

    [Fact]
    public async Task Copies_BetweenBucketsOfOneServer_AndTellAMissingObject()
    {
        var (work, datasets) = await BucketPairAsync(Client, "copy");
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        await work.PutBytesAsync("frames/job/000000.jpg", bytes, "image/jpeg");

        Assert.True(await work.CopyToAsync("frames/job/000000.jpg", datasets, "job/images/frame_000000.jpg"));
        Assert.False(await work.CopyToAsync("frames/job/000001.jpg", datasets, "job/images/frame_000001.jpg"));

        Assert.Equal(bytes, await datasets.GetAsync("job/images/frame_000000.jpg"));
        Assert.Null(await datasets.GetAsync("job/images/frame_000001.jpg"));
    }

    [Fact]
    public async Task Copies_TakeOneRequestEach_FoundOrNot()
    {
        var (client, requests) = LoggedClient();
        var (work, datasets) = await BucketPairAsync(client, "copy1");
        await work.PutTextAsync("portraits/job/a b+c/état #1.jpg", "face");
        requests.Clear();

        Assert.True(await work.CopyToAsync("portraits/job/a b+c/état #1.jpg", datasets, "job/people/Zoë O'Neil (2)/face 1.jpg"));
        Assert.False(await work.CopyToAsync("portraits/job/missing.jpg", datasets, "job/people/x/missing.jpg"));

        Assert.Equal(["PUT", "PUT"], requests.Methods);
        Assert.All(requests.Requests, copy =>
        {
            Assert.Contains("x-amz-copy-source", copy.Headers["authorization"], StringComparison.Ordinal);
            Assert.Equal(copy.Headers["authorization"], SignAgain(copy));
        });
        Assert.Equal("face", Encoding.UTF8.GetString(await datasets.GetAsync("job/people/Zoë O'Neil (2)/face 1.jpg") ?? []));
        Assert.Null(await datasets.GetAsync("job/people/x/missing.jpg"));
    }

    /// <summary>
    /// s3rver does not check Signature Version 4, so the copy's signature is checked against the SDK's own: the
    /// SDK's signed PUT of a key with spaces, '+' and non-ASCII characters, signed again here from what was sent.
    /// </summary>
    [Fact]
    public async Task CopySignature_IsWhatTheSdkSignsForTheSameRequest()
    {
        var (client, requests) = LoggedClient();
        var store = new MinioObjectStore(client, $"sign-{Guid.NewGuid():N}"[..30]);
        await store.EnsureBucketAsync();
        requests.Clear();

        const string key = "jobs/a b+c/état (1)~.json";
        await store.PutTextAsync(key, "{}");

        var put = Assert.Single(requests.Requests, r => r.Method == "PUT");
        Assert.Equal($"/{store.Bucket}/{S3Signature.EncodePath(key)}", put.Uri.AbsolutePath);
        Assert.Equal(put.Headers["authorization"], SignAgain(put));
    }

    [Fact]
    public async Task Copies_AnswerTheyDoNotExpect_AreAskedAgainTheSdkWay()
    {
        var (client, requests) = LoggedClient();
        var (work, datasets) = await BucketPairAsync(client, "copy2");
        await work.PutTextAsync("frames/job/000000.jpg", "frame");
        requests.Clear();
        var refused = 0;
        requests.Intercept = request => request.Method == HttpMethod.Put && refused++ == 0
            ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("<Error><Code>AuthorizationHeaderMalformed</Code></Error>") }
            : null;

        Assert.True(await work.CopyToAsync("frames/job/000000.jpg", datasets, "job/images/frame_000000.jpg"));

        Assert.Equal("PUT", requests.Methods[0]);
        Assert.Contains("HEAD", requests.Methods.Skip(1));
        Assert.Equal("frame", Encoding.UTF8.GetString(await datasets.GetAsync("job/images/frame_000000.jpg") ?? []));
    }

    [Fact]
    public async Task Downloads_StreamWholeObjects_AndTellAMissingOne()
    {
        var store = new MinioObjectStore(Client, $"stream-{Guid.NewGuid():N}"[..30]);
        await store.EnsureBucketAsync();
        var bytes = new byte[5 << 20];
        new Random(7).NextBytes(bytes);
        await store.PutBytesAsync("big.bin", bytes, "application/octet-stream");
        var path = Path.GetTempFileName();
        try
        {
            Assert.True(await store.DownloadToFileAsync("big.bin", path));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
            Assert.False(await store.DownloadToFileAsync("missing.bin", path));
            Assert.False(File.Exists(path));
            await store.DeleteAsync("big.bin");
            await store.DeleteAsync("big.bin");
            Assert.Null(await store.GetAsync("big.bin"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (IMinioClient Client, RequestLog Requests) LoggedClient()
    {
        var requests = new RequestLog { InnerHandler = new HttpClientHandler() };
        var client = new MinioClient().WithEndpoint("127.0.0.1:9000").WithCredentials("S3RVER", "S3RVER").WithHttpClient(new HttpClient(requests), disposeHttpClient: true).Build();
        return (client, requests);
    }

    /// <summary>A new bucket holding <paramref name="key"/>, as a client whose access key the server does not know sees it.</summary>
    private static async Task<MinioObjectStore> SeenWithAnUnknownKeyAsync(string prefix, string key)
    {
        var bucket = $"{prefix}-{Guid.NewGuid():N}"[..30];
        var store = new MinioObjectStore(Client, bucket);
        await store.EnsureBucketAsync();
        await store.PutTextAsync(key, "{}");
        var refused = MinioObjectStore.CreateClient(new ObjectStoreOptions { Endpoint = "127.0.0.1:9000", AccessKey = "UNKNOWN-KEY", SecretKey = "S3RVER" });
        return new MinioObjectStore(refused, bucket);
    }

    /// <summary>A work and a datasets bucket of one client, as the services have: copies between them stay on the server.</summary>
    private static async Task<(MinioObjectStore Work, MinioObjectStore Datasets)> BucketPairAsync(IMinioClient client, string prefix)
    {
        var work = new MinioObjectStore(client, $"{prefix}-w-{Guid.NewGuid():N}"[..30]);
        var datasets = new MinioObjectStore(client, $"{prefix}-d-{Guid.NewGuid():N}"[..30]);
        await work.EnsureBucketAsync();
        await datasets.EnsureBucketAsync();
        return (work, datasets);
    }

    /// <summary>The request's signature computed here from what was sent: the headers and region its Authorization names.</summary>
    private static string SignAgain(SentRequest sent)
    {
        var authorization = sent.Headers["authorization"];
        var signedNames = Regex.Match(authorization, "SignedHeaders=([^,]+)").Groups[1].Value.Split(';');
        var region = Regex.Match(authorization, "Credential=[^/]+/[0-9]{8}/([^/]+)/").Groups[1].Value;
        var headers = signedNames.ToDictionary(n => n, n => n == "host" ? sent.Uri.Authority : sent.Headers[n]);
        var time = DateTimeOffset.ParseExact(sent.Headers["x-amz-date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return S3Signature.Authorization(
            new S3Credentials("S3RVER", "S3RVER", region), sent.Method, sent.Uri.AbsolutePath, string.Empty, headers, sent.Headers["x-amz-content-sha256"], time);
    }
}
