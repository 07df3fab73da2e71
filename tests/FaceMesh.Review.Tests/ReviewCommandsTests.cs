using FaceMesh.Pipeline.Export;
using FaceMesh.Review;

namespace FaceMesh.Review.Tests;

public sealed class ReviewCommandsTests
{
    private static readonly DatasetManifest Manifest = SyntheticDataset.Create([8, 6, 4]);

    private static ResolvedReview Resolve(ReviewEdits edits, DatasetManifest? manifest = null) =>
        ReviewResolver.Resolve(manifest ?? Manifest, edits);

    private static ResolvedReview Apply(ResolvedReview review, Func<ResolvedReview, ReviewEdits> action) =>
        ReviewResolver.Resolve(review.Manifest, action(review));

    private static ResolvedPerson Named(ResolvedReview review, string name) => review.People.Single(p => p.Name == name);

    private static string[] Ids(ResolvedReview review, IEnumerable<int> faces) => [.. faces.Select(i => review.Manifest.Faces[i].Id).Order()];

    [Fact]
    public void Resolve_WithoutEdits_PeopleAreTheClusters_LargestFirst()
    {
        var review = Resolve(ReviewEdits.Empty);

        Assert.Equal([8, 6, 4], review.People.Select(p => p.Faces.Count));
        Assert.Equal(["c0", "c1", "c2"], review.People.Select(p => p.Id));
        Assert.Equal("person_000", review.People[0].DisplayName);
        Assert.Empty(review.Noise);
    }

    [Fact]
    public void Name_SurvivesAClusteringThatNumbersClustersDifferently()
    {
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Name(r, "c1", "Alice"));
        var alice = Ids(review, Named(review, "Alice").Faces);

        var renumbered = Resolve(review.Edits, SyntheticDataset.Renumber(Manifest, c => 2 - c));

        Assert.Equal(alice, Ids(renumbered, Named(renumbered, "Alice").Faces));
        Assert.Equal(3, renumbered.People.Count);
    }

    [Fact]
    public void Name_SurvivesReclusteringAtAnotherEps()
    {
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Name(r, "c0", "Bob"));

        var tighter = Resolve(review.Edits, SyntheticDataset.Recluster(Manifest, 0.4f));

        Assert.Equal(Ids(review, review.People[0].Faces), Ids(tighter, Named(tighter, "Bob").Faces));
    }

    [Fact]
    public void Name_FollowsAClusterThatLostAFace_AndTakesNoOtherCluster()
    {
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Name(r, "c1", "Alice"));
        var lostOne = Manifest with { Clusters = [.. Manifest.Clusters.Select((c, i) => i == 8 ? -1 : c)] };

        var again = Resolve(review.Edits, lostOne);

        Assert.Equal(5, Named(again, "Alice").Faces.Count);
        Assert.Single(again.People, p => p.Name is not null);
        Assert.Equal([0], again.People.Single(p => p.Faces.Count == 8).Clusters);
    }

    [Fact]
    public void Merge_JoinsTwoClusters_KeepsTheName_AndHoldsAfterRenumbering()
    {
        var review = Resolve(ReviewEdits.Empty);
        review = Apply(review, r => ReviewCommands.Name(r, "c2", "Carol"));
        var carol = Named(review, "Carol").Id;

        review = Apply(review, r => ReviewCommands.Merge(r, "c0", carol));

        Assert.Equal(12, Named(review, "Carol").Faces.Count);
        Assert.Equal(2, review.People.Count);
        var renumbered = Resolve(review.Edits, SyntheticDataset.Renumber(Manifest, c => (c + 1) % 3));
        Assert.Equal(12, Named(renumbered, "Carol").Faces.Count);
    }

    [Fact]
    public void Move_FacesToANewPerson_SurvivesReclustering()
    {
        var moved = SyntheticDataset.FaceIds(Manifest, 0, 3);
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Move(r, moved, "new"));
        var created = review.People.Single(p => p.IsEdited);
        review = Apply(review, r => ReviewCommands.Name(r, created.Id, "Dan"));

        var again = Resolve(review.Edits, SyntheticDataset.Recluster(Manifest, 0.45f));

        Assert.Equal(moved.Order(), Ids(again, Named(again, "Dan").Faces));
        Assert.Equal(5, again.People.Single(p => p.Faces.Count == 5).Faces.Count);
    }

    [Fact]
    public void Move_ToNoise_TakesFacesOutOfEveryPerson()
    {
        var moved = SyntheticDataset.FaceIds(Manifest, 8, 2);

        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Move(r, moved, ReviewEdits.NoiseLabel));

        Assert.Equal(moved.Order(), Ids(review, review.Noise));
        Assert.Equal(4, review.People.Single(p => p.Clusters.SequenceEqual([1])).Faces.Count);
    }

    [Fact]
    public void Discard_AndRestore_Faces()
    {
        var faces = SyntheticDataset.FaceIds(Manifest, 14, 2);

        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Discard(r, faces));
        Assert.Equal(faces.Order(), Ids(review, review.Discarded));
        Assert.Equal(2, review.People[2].Faces.Count);

        review = Apply(review, r => ReviewCommands.Restore(r, faces));
        Assert.Empty(review.Discarded);
    }

    [Fact]
    public void DiscardPerson_HoldsAfterReclustering_AndCanBeRestored()
    {
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.DiscardPerson(r, "c2"));
        Assert.Equal(2, review.People.Count);
        var discarded = review.DiscardedPeople.Single();

        var again = Resolve(review.Edits, SyntheticDataset.Renumber(Manifest, c => 2 - c));
        Assert.Equal(4, again.DiscardedPeople.Single().Faces.Count);

        again = Apply(again, r => ReviewCommands.DiscardPerson(r, discarded.Id, discarded: false));
        Assert.Equal(3, again.People.Count);
    }

    [Fact]
    public void Split_SeparatesTwoPeopleOneLooseClusteringJoined()
    {
        var loose = SyntheticDataset.Recluster(Manifest, 1.5f);
        var review = Resolve(ReviewEdits.Empty, loose);
        Assert.Single(review.People);

        var parts = ReviewCommands.SplitParts(review, "c0", 0.5f);
        review = Apply(review, r => ReviewCommands.Split(r, "c0", 0.5f));

        Assert.Equal([8, 6, 4], parts.Select(p => p.Count));
        Assert.Equal([8, 6, 4], review.People.Select(p => p.Faces.Count));
        Assert.All(review.People, p => Assert.Matches(@"^person_\d{3}$", p.DisplayName));
        Assert.Equal(3, review.People.Select(p => p.DisplayName).Distinct().Count());
    }

    [Fact]
    public void Split_ThatFindsOneGroup_IsRefused()
    {
        var error = Assert.Throws<ReviewException>(() => ReviewCommands.Split(Resolve(ReviewEdits.Empty), "c0", 0.5f));

        Assert.Contains("one group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_LeavesOutFacesBelowTheLimits()
    {
        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.SetFilter(r, new QualityFilter(100, 0, 0)));

        Assert.All(review.People.SelectMany(p => p.Faces), i => Assert.True(Manifest.Faces[i].Quality.BoxSize >= 100));
        Assert.Equal(Manifest.Faces.Count(f => f.Quality.BoxSize < 100), review.Filtered.Count);
    }

    [Fact]
    public void Undo_StepsBackOneActionAtATime()
    {
        var review = Resolve(ReviewEdits.Empty);
        review = Apply(review, r => ReviewCommands.Name(r, "c0", "Eve"));
        review = Apply(review, r => ReviewCommands.Merge(r, "c1", Named(r, "Eve").Id));

        review = Apply(review, ReviewCommands.Undo);
        Assert.Equal(8, Named(review, "Eve").Faces.Count);
        review = Apply(review, ReviewCommands.Undo);
        Assert.All(review.People, p => Assert.Null(p.Name));
        Assert.Throws<ReviewException>(() => ReviewCommands.Undo(review));
        Assert.Equal(4, review.Edits.Revision);
    }

    [Fact]
    public void UndoHistory_IsBounded()
    {
        var review = Resolve(ReviewEdits.Empty);
        for (var k = 0; k < ReviewEdits.UndoDepth + 5; k++)
        {
            review = Apply(review, r => ReviewCommands.Name(r, r.People[0].Id, $"name {k}"));
        }

        Assert.Equal(ReviewEdits.UndoDepth, review.Edits.Undo.Count);
    }

    [Theory]
    [InlineData("c9")]
    [InlineData("p42")]
    public void Actions_OnUnknownPeople_AreRefused(string person)
    {
        Assert.Throws<ReviewException>(() => ReviewCommands.Name(Resolve(ReviewEdits.Empty), person, "x"));
        Assert.Throws<ReviewException>(() => ReviewCommands.Merge(Resolve(ReviewEdits.Empty), person, "c0"));
    }

    [Fact]
    public void Actions_OnUnknownFaces_AreRefused()
    {
        var error = Assert.Throws<ReviewException>(() => ReviewCommands.Discard(Resolve(ReviewEdits.Empty), ["../../etc/passwd"]));

        Assert.Contains("no face", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_AreStoredAsTyped_ButControlCharactersAndLongNamesAreRefused()
    {
        const string hostile = "<script>alert(1)</script> ../../x \"q\"";

        var review = Apply(Resolve(ReviewEdits.Empty), r => ReviewCommands.Name(r, "c0", hostile));

        Assert.Equal(hostile, review.People[0].Name);
        Assert.Throws<ReviewException>(() => ReviewCommands.Name(review, "c1", "a\u0000b"));
        Assert.Throws<ReviewException>(() => ReviewCommands.Name(review, "c1", new string('x', ReviewCommands.MaxNameLength + 1)));
    }

    [Fact]
    public void EditsFile_RoundTripsExactly()
    {
        var review = Resolve(ReviewEdits.Empty);
        review = Apply(review, r => ReviewCommands.Name(r, "c0", "Zoë \"the\" <b>"));
        review = Apply(review, r => ReviewCommands.Merge(r, "c2", r.People[0].Id));
        review = Apply(review, r => ReviewCommands.Discard(r, SyntheticDataset.FaceIds(Manifest, 9, 1)));
        review = Apply(review, r => ReviewCommands.SetFilter(r, new QualityFilter(30, 1.5f, 0.25f)));

        var bytes = ReviewEditsJson.Serialize(review.Edits);
        var read = ReviewEditsJson.Deserialize(bytes);

        Assert.Equal(bytes, ReviewEditsJson.Serialize(read));
        Assert.Equal(Ids(review, review.People[0].Faces), Ids(Resolve(read), Resolve(read).People[0].Faces));
        Assert.Equal(review.Edits.Undo.Count, read.Undo.Count);
    }
}
