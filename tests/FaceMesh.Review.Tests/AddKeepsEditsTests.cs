using FaceMesh.Pipeline.Embedded;
using FaceMesh.Storage;
using FaceMesh.Testing;

namespace FaceMesh.Review.Tests;

/// <summary><c>facemesh add</c> after a review: the same people in new footage join the people already reviewed.</summary>
[Collection(RealDatasetCollection.Name)]
public sealed class AddKeepsEditsTests(RealDataset dataset)
{
    [Fact]
    public async Task AddingFootageOfTheSamePeople_KeepsNamesMergesMovesAndDiscards_AndNamedPeopleGrow()
    {
        var folder = dataset.Copy();
        var more = Directory.CreateTempSubdirectory("facemesh-more-").FullName;
        var footage = TestFootage.Create(more, secondsPerShot: 2, smallRepeats: true);
        var video = Path.Combine(more, "more.mp4");
        File.Move(footage.Path, video);
        using var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");
        var (edited, discarded) = await TypicalEdits.ApplyAsync(session);

        await CollectionAdder.AddAsync(folder, [video], threads: 2, modelsPath: string.Empty);
        var after = await session.GetAsync(reloadManifest: true);

        Assert.Equal(2, after.Manifest.Sources.Count);
        Assert.Equal(edited.People.Count, after.People.Count);
        foreach (var name in new[] { "Ann", "Merged" })
        {
            Assert.Subset(TypicalEdits.Ids(after, name).ToHashSet(), TypicalEdits.Ids(edited, name).ToHashSet());
            Assert.Contains(Faces(after, name), i => SourceOf(after, i) == 1);
        }

        Assert.Equal(TypicalEdits.Ids(edited, "Moved"), TypicalEdits.Ids(after, "Moved"));
        Assert.Equal([discarded], after.Discarded.Select(i => after.Manifest.Faces[i].Id));
        Directory.Delete(more, recursive: true);
    }

    private static IReadOnlyList<int> Faces(ResolvedReview review, string name) => review.People.Single(p => p.Name == name).Faces;

    private static int SourceOf(ResolvedReview review, int face) => review.Manifest.Frames.Single(f => f.Index == review.Manifest.Faces[face].Frame).Source;
}
