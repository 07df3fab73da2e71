using FaceMesh.Review;

namespace FaceMesh.Review.Web;

/// <summary>Maps a posted <see cref="ReviewAction"/> onto <see cref="ReviewCommands"/>.</summary>
public static class ReviewActions
{
    public static ReviewEdits Apply(ResolvedReview review, ReviewAction action) => action.Action switch
    {
        "name" => ReviewCommands.Name(review, Required(action.Person, "person"), action.Name),
        "merge" => ReviewCommands.Merge(review, Required(action.Source, "source"), Required(action.Target, "target")),
        "move" => ReviewCommands.Move(review, action.Faces ?? [], Required(action.Target, "target")),
        "discard" => ReviewCommands.Discard(review, action.Faces ?? []),
        "restore" => ReviewCommands.Restore(review, action.Faces ?? []),
        "discardPerson" => ReviewCommands.DiscardPerson(review, Required(action.Person, "person")),
        "restorePerson" => ReviewCommands.DiscardPerson(review, Required(action.Person, "person"), discarded: false),
        "split" => ReviewCommands.Split(review, Required(action.Person, "person"), action.Eps ?? throw new ReviewException("split needs eps")),
        "filter" => ReviewCommands.SetFilter(review, new QualityFilter(action.MinBoxSize ?? 0, action.MinSharpness ?? 0, action.MinFrontalness ?? 0)),
        "undo" => ReviewCommands.Undo(review),
        _ => throw new ReviewException($"unknown action '{action.Action}'"),
    };

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ReviewException($"{name} is required") : value;
}
