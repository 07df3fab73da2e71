using System.Text.Json;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review.Web;

namespace FaceMesh.Review.Tests;

public sealed class ReviewStateJsonTests
{
    [Fact]
    public void MergeSuggestions_NameOnlyPeopleWhoseFacesAreCloserThanDifferentPeoplesAre()
    {
        var manifest = SyntheticDataset.Create([8, 6, 4]);
        var review = ReviewResolver.Resolve(manifest, ReviewEdits.Empty);
        var half = review.People[0].Faces.Take(4).Select(i => manifest.Faces[i].Id).ToList();
        var stayed = review.People[0].Faces[^1];
        review = ReviewResolver.Resolve(manifest, ReviewCommands.Move(review, half, "new"));

        using var state = JsonDocument.Parse(ReviewStateJson.Serialize("t", review));

        var people = state.RootElement.GetProperty("people").EnumerateArray().ToList();
        var moved = review.People.Single(p => p.Faces.Any(i => manifest.Faces[i].Id == half[0])).Id;
        var split = people.Single(p => p.GetProperty("id").GetString() == moved);
        var suggested = split.GetProperty("suggestions").EnumerateArray().ToList();
        var suggestion = Assert.Single(suggested);
        Assert.Equal(review.People.Single(p => p.Faces.Contains(stayed)).Id, suggestion.GetProperty("id").GetString());
        Assert.True(suggestion.GetProperty("distance").GetSingle() < ReviewStateJson.SuggestionDistance);
        Assert.All(people.SelectMany(p => p.GetProperty("suggestions").EnumerateArray()),
            s => Assert.True(s.GetProperty("distance").GetSingle() < ReviewStateJson.SuggestionDistance));
    }
}
