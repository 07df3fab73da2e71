namespace FaceMesh.Storage;

/// <summary>What a Signature Version 4 signature is made with.</summary>
public sealed record S3Credentials(string AccessKey, string SecretKey, string Region)
{
    /// <summary>MinIO's region unless one is configured, and S3's classic one.</summary>
    public const string DefaultRegion = "us-east-1";

    public override string ToString() => $"S3Credentials {{ AccessKey = {AccessKey}, Region = {Region} }}";
}
