using System.Security.Cryptography;
using System.Text;
using FaceMesh.Pipeline.Distributed;

namespace FaceMesh.Hosting.Security;

/// <summary>The one token comparison, shared by the gRPC interceptor and the review pages' filter.</summary>
public static class BearerTokens
{
    /// <summary>
    /// Constant-time comparison against each accepted token. An empty token is never accepted, and an unset rotation
    /// slot (<c>Auth__Tokens__1</c> left empty) never accepts anything.
    /// </summary>
    public static bool Accepts(IEnumerable<string> accepted, string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        return bytes.Length > 0 && accepted.Any(token => token.Length > 0 && CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Who presents <paramref name="presented"/>: an admin, the owner a public token stands for, or null (rejected).</summary>
    public static Caller? Identify(AuthOptions auth, string presented) =>
        Accepts(auth.AdminTokens, presented) ? new Caller(OwnerOf(presented), IsAdmin: true)
        : Accepts(auth.Tokens, presented) ? new Caller(OwnerOf(presented), IsAdmin: false)
        : null;

    /// <summary><c>tenant:secret</c> owns as the tenant; any other token as a fingerprint of itself (the token is never stored).</summary>
    public static string OwnerOf(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? $"tenant:{token[..colon]}"
            : $"token:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16]}";
    }
}
