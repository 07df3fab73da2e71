namespace FaceMesh.Review.Web;

/// <summary>One action posted by the page: <see cref="Action"/> says which; the other fields are its arguments.</summary>
public sealed class ReviewAction
{
    public string Action { get; set; } = string.Empty;

    public string? Person { get; set; }

    public string? Name { get; set; }

    public string? Source { get; set; }

    public string? Target { get; set; }

    public List<string>? Faces { get; set; }

    public float? Eps { get; set; }

    public float? MinBoxSize { get; set; }

    public float? MinSharpness { get; set; }

    public float? MinFrontalness { get; set; }
}
