using FaceMesh.Review;
using FaceMesh.Storage;

namespace FaceMesh.Review.Tests;

[Collection(RealDatasetCollection.Name)]
public sealed class ReviewSessionTests(RealDataset dataset)
{
    [Fact]
    public async Task ConcurrentActions_AllLand_AndTheEditsFileStaysWhole()
    {
        var folder = dataset.Copy();
        using var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");
        var faces = dataset.Manifest.Faces.Select(f => f.Id).Take(40).ToList();

        await Task.WhenAll(faces.Select(face => Task.Run(() => session.ApplyAsync(r => ReviewCommands.Discard(r, [face])))));

        var stored = ReviewEditsJson.Deserialize(File.ReadAllBytes(Path.Combine(folder, ReviewSession.EditsFile)));
        Assert.Equal(faces.Order(), stored.Discarded.Order());
        Assert.Equal(faces.Count, stored.Revision);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task Edits_AreReadBackByANewSession()
    {
        var folder = dataset.Copy();
        using (var first = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test"))
        {
            await first.ApplyAsync(r => ReviewCommands.Name(r, r.People[0].Id, "Kit"));
        }

        using var second = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");
        var review = await second.GetAsync();

        Assert.Equal("Kit", review.People[0].Name);
    }

    [Fact]
    public async Task Portraits_AreServedByFaceId_Only()
    {
        using var session = new ReviewSession(new LocalFolderObjectStore(dataset.Folder), string.Empty, "test");

        Assert.NotNull(await session.PortraitAsync(dataset.Manifest.Faces[0].Id));
        Assert.Null(await session.PortraitAsync("../manifest"));
        Assert.Null(await session.PortraitAsync("000000_99"));
    }

    [Fact]
    public async Task AFolderWithoutManifest_IsNotADataset()
    {
        using var session = new ReviewSession(new LocalFolderObjectStore(Directory.CreateTempSubdirectory().FullName), string.Empty, "empty");

        await Assert.ThrowsAsync<DatasetNotFoundException>(() => session.GetAsync());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"schemaVersion\": 1}")]
    [InlineData("{\"schemaVersion\": 9, \"undo\": []}")]
    public async Task ACorruptEditsFile_IsReportedAsSuch_AndLeftAlone(string text)
    {
        var folder = dataset.Copy();
        var path = Path.Combine(folder, ReviewSession.EditsFile);
        File.WriteAllText(path, text);
        using var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => session.ApplyAsync(r => ReviewCommands.Name(r, r.People[0].Id, "x")));

        Assert.StartsWith("edits.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }
}
