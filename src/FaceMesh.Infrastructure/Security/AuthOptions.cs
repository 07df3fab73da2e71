using System.ComponentModel.DataAnnotations;
using FaceMesh.Infrastructure.Settings;

namespace FaceMesh.Infrastructure.Security;

/// <summary>
/// Bearer tokens: section <c>Auth</c>. <see cref="Tokens"/> are accepted on the public API (several, so they can be
/// rotated: env <c>Auth__Tokens__0</c>, <c>Auth__Tokens__1</c>...); <see cref="InternalToken"/> guards service-to-service calls.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Secret]
    public List<string> Tokens { get; set; } = [];

    [Required]
    [Secret]
    [MinLength(16)]
    public string InternalToken { get; set; } = string.Empty;
}
