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

    public void Dispose() => _buckets.Dispose();
}
