using FaceMesh.Storage;

namespace FaceMesh.Pipeline.Tests.Distributed;

/// <summary>The work and datasets buckets as local folders under one temporary root (<c>work/</c>, <c>datasets/</c>).</summary>
public sealed class TestBuckets : IDisposable
{
    public TestBuckets()
    {
        Work = new LocalFolderObjectStore(Path.Combine(Root, "work"));
        Datasets = new LocalFolderObjectStore(Path.Combine(Root, "datasets"));
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("facemesh-buckets-").FullName;

    public LocalFolderObjectStore Work { get; }

    public LocalFolderObjectStore Datasets { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
