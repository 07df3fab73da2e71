using FaceMesh.Pipeline.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The local-folder store keeps the object store port's promises, as MinIO does (see the integration tests).</summary>
public sealed class LocalFolderObjectStoreTests : IDisposable
{
    private readonly TestBuckets _buckets = new();

    [Fact]
    public async Task DeletingAMissingObject_IsNotAnError_EvenWhereNoFolderOfItsKeyExists()
    {
        await _buckets.Work.PutTextAsync("frames/job/000000.jpg", "x");

        await _buckets.Work.DeleteAsync("frames/job/000000.jpg");
        await _buckets.Work.DeleteAsync("frames/job/000000.jpg");
        await _buckets.Work.DeleteAsync("footage/never-stored/clip.mp4");

        Assert.Null(await _buckets.Work.GetAsync("frames/job/000000.jpg"));
    }

    [Fact]
    public async Task Copies_BetweenFolders_ReplaceTheTarget_AndTellAMissingObject()
    {
        await _buckets.Work.PutTextAsync("frames/job/000000.jpg", "frame");
        await _buckets.Datasets.PutTextAsync("job/images/frame_000000.jpg", "old");

        Assert.True(await _buckets.Work.CopyToAsync("frames/job/000000.jpg", _buckets.Datasets, "job/images/frame_000000.jpg"));
        Assert.False(await _buckets.Work.CopyToAsync("frames/job/000001.jpg", _buckets.Datasets, "job/images/frame_000001.jpg"));

        Assert.Equal("frame"u8.ToArray(), await _buckets.Datasets.GetAsync("job/images/frame_000000.jpg"));
        Assert.Equal("frame"u8.ToArray(), await _buckets.Work.GetAsync("frames/job/000000.jpg"));
        Assert.Null(await _buckets.Datasets.GetAsync("job/images/frame_000001.jpg"));
    }

    public void Dispose() => _buckets.Dispose();
}
