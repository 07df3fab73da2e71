namespace FaceMesh.Pipeline.Distributed;

/// <summary>
/// Who is calling the public API: the owner id of the token they presented (a tenant's name, or a fingerprint of an
/// unnamed token; never the token itself), and whether it is an admin token, which sees every job.
/// </summary>
public sealed record Caller(string Id, bool IsAdmin)
{
    /// <summary>The services themselves, which act on every job.</summary>
    public static Caller Service { get; } = new("service", IsAdmin: true);

    /// <summary>Jobs submitted before jobs had owners have none; every token may see them, as before.</summary>
    public bool Owns(ExtractorState job) => IsAdmin || job.Owner is null || job.Owner == Id;
}
