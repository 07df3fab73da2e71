using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FaceMesh.Hosting.Security;

/// <summary>
/// Bearer tokens: section <c>Auth</c>. <see cref="Tokens"/> are accepted on the public API, each the owner of the jobs
/// it submits (several, so they can be rotated: env <c>Auth__Tokens__0</c>, <c>Auth__Tokens__1</c>...; a token
/// written <c>tenant:secret</c> owns its jobs as that tenant, so <c>alice:old</c> and <c>alice:new</c> share them).
/// <see cref="AdminTokens"/> see and manage every job. <see cref="InternalToken"/> guards service-to-service calls.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [PasswordPropertyText]
    public List<string> Tokens { get; set; } = [];

    [PasswordPropertyText]
    public List<string> AdminTokens { get; set; } = [];

    [Required]
    [PasswordPropertyText]
    [MinLength(16)]
    public string InternalToken { get; set; } = string.Empty;
}
