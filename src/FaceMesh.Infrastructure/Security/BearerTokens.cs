using System.Security.Cryptography;
using System.Text;

namespace FaceMesh.Infrastructure.Security;

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
}
