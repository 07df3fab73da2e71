using System.Text;
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
        var requests = new RequestLog { InnerHandler = new HttpClientHandler() };
        var client = new MinioClient().WithEndpoint("127.0.0.1:9000").WithCredentials("S3RVER", "S3RVER").WithHttpClient(new HttpClient(requests), disposeHttpClient: true).Build();
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
        var bucket = $"refused-{Guid.NewGuid():N}"[..30];
        var store = new MinioObjectStore(Client, bucket);
        await store.EnsureBucketAsync();
        await store.PutTextAsync("jobs/a/state.json", "{}");
        var refused = MinioObjectStore.CreateClient(new ObjectStoreOptions { Endpoint = "127.0.0.1:9000", AccessKey = "UNKNOWN-KEY", SecretKey = "S3RVER" });

        await Assert.ThrowsAnyAsync<Exception>(() => new MinioObjectStore(refused, bucket).GetAsync("jobs/a/state.json"));
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
        var work = new MinioObjectStore(Client, $"copy-w-{Guid.NewGuid():N}"[..30]);
        var datasets = new MinioObjectStore(Client, $"copy-d-{Guid.NewGuid():N}"[..30]);
        await work.EnsureBucketAsync();
        await datasets.EnsureBucketAsync();
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        await work.PutBytesAsync("frames/job/000000.jpg", bytes, "image/jpeg");

        Assert.True(await work.CopyToAsync("frames/job/000000.jpg", datasets, "job/images/frame_000000.jpg"));
        Assert.False(await work.CopyToAsync("frames/job/000001.jpg", datasets, "job/images/frame_000001.jpg"));

        Assert.Equal(bytes, await datasets.GetAsync("job/images/frame_000000.jpg"));
        Assert.Null(await datasets.GetAsync("job/images/frame_000001.jpg"));
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
}
