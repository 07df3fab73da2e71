using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FaceMesh.Storage;

/// <summary>
/// AWS Signature Version 4 in the Authorization header, as S3 and MinIO check it: for the few requests this adapter
/// sends itself where the Minio SDK would send several (see <see cref="MinioObjectStore.CopyToAsync"/>).
/// </summary>
public static class S3Signature
{
    /// <summary>SHA-256 of no bytes: the payload hash of a request without a body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string Service = "s3";

    /// <summary>The form of x-amz-date, and of the timestamp in the string to sign.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An object path as S3 canonicalizes it: RFC 3986's unreserved characters and '/' as they are, every other UTF-8
    /// byte as %XX. The request's URL must carry the path exactly so, or the server hashes a different request.
    /// </summary>
    public static string EncodePath(string path)
    {
        var encoded = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' or (byte)'/')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>
    /// The Authorization header for a request: <paramref name="canonicalUri"/> is its path as sent (already
    /// encoded), <paramref name="canonicalQuery"/> its sorted, encoded query ("" for none); every one of
    /// <paramref name="headers"/> is signed (host and x-amz-date among them, x-amz-date equal to
    /// <paramref name="time"/>).
    /// </summary>
    public static string Authorization(
        S3Credentials credentials,
        string method,
        string canonicalUri,
        string canonicalQuery,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash,
        DateTimeOffset time)
    {
        var signed = headers
            .Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedNames = string.Join(';', signed.Select(h => h.Name));
        var canonicalRequest = string.Join(
            '\n',
            method,
            canonicalUri,
            canonicalQuery,
            string.Concat(signed.Select(h => $"{h.Name}:{h.Value}\n")),
            signedNames,
            payloadHash);

        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{credentials.Region}/{Service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, Timestamp(time), scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey);
        foreach (var part in new[] { date, credentials.Region, Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedNames}, Signature={signature}";
    }

    private static string CollapseSpaces(string value)
    {
        var collapsed = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != ' ' || collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
