using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Tests;

/// <summary>Staging beside the destination: litter from a killed run is removed, a live run's staging is not.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-output-").FullName;

    private string Destination => Path.Combine(_root, "dataset");

    [Fact]
    public void StagingLeftByAKilledRun_IsRemoved_ByTheNextRunForThatDestination()
    {
        var killed = Path.Combine(_root, ".dataset.facemesh-0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(killed, "images"));
        File.WriteAllText(Path.Combine(killed, "images", "frame_000000.jpg"), "partial");
        File.WriteAllText(killed + ".lock", string.Empty);
        var olderVersion = Path.Combine(_root, ".dataset.facemesh-fedcba9876543210fedcba9876543210");
        Directory.CreateDirectory(olderVersion);
        var otherDataset = Path.Combine(_root, ".other.facemesh-0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(otherDataset);

        var output = OutputFolder.Prepare(Destination, force: false);

        Assert.False(Directory.Exists(killed));
        Assert.False(File.Exists(killed + ".lock"));
        Assert.False(Directory.Exists(olderVersion));
        Assert.True(Directory.Exists(otherDataset));
        output.Abandon();
        Assert.Equal([otherDataset], Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void StagingOfARunStillGoing_IsLeftAlone()
    {
        var running = OutputFolder.Prepare(Destination, force: false);
        File.WriteAllText(Path.Combine(running.Staging, "manifest.json"), "{}");

        var second = OutputFolder.Prepare(Destination, force: false);

        Assert.True(File.Exists(Path.Combine(running.Staging, "manifest.json")));
        second.Abandon();
        running.Commit();
        Assert.True(File.Exists(Path.Combine(Destination, "manifest.json")));
        Assert.Equal([Destination], Directory.GetFileSystemEntries(_root));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
