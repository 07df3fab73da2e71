using FaceMesh.Pipeline.Storage;
using FaceMesh.Storage;

namespace FaceMesh.IntegrationTests;

/// <summary>The MinIO adapter against the S3 test server.</summary>
public sealed class ObjectStoreTests
{
    private static readonly Minio.IMinioClient Client =
        MinioObjectStore.CreateClient(new ObjectStoreOptions { Endpoint = "127.0.0.1:9000", AccessKey = "S3RVER", SecretKey = "S3RVER" });

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
