namespace FaceMesh.Deployment.Tests;

/// <summary>Docker Compose's <c>.env</c> format: NAME=value lines, # comments.</summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);
}
