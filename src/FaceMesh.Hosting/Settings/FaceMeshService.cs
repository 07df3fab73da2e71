using Microsoft.Extensions.Configuration;

namespace FaceMesh.Hosting.Settings;

/// <summary>
/// What one service is to its deployment: its name (compose service, Kubernetes Deployment and DNS name), its
/// listeners and every setting it reads. Docker Compose and the manifests are tested against this.
/// </summary>
public sealed record FaceMeshService(string Name, int GrpcPort, IReadOnlyList<SettingsGroup> Groups)
{
    /// <summary>Health probes (<c>/health/live</c>, <c>/health/ready</c>) over HTTP/1.1; the same port in every service.</summary>
    public const int HttpPort = 8080;

    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    public IReadOnlyList<Setting> Settings => [.. Groups.SelectMany(g => g.Settings)];

    /// <summary>Required settings the configuration lacks, by environment variable name.</summary>
    public IReadOnlyList<string> MissingSettings(IConfiguration configuration) =>
        [.. Settings.Where(s => s.Required && string.IsNullOrEmpty(configuration[s.Key.Replace("__", ":", StringComparison.Ordinal)])).Select(s => s.Key)];
}
