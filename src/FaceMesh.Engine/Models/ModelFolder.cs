using System.Security.Cryptography;
using System.Text.Json;

namespace FaceMesh.Engine.Models;

/// <summary>
/// The folder of converted ONNX models this engine opens. Each model release (package version and converter revision)
/// has its own subfolder, sealed by a checksum file written last: a folder whose checksums do not match (a crash
/// mid-write, a corrupted disk) is not opened. FaceMesh.Models writes these folders; the engine only reads them.
/// </summary>
public sealed class ModelFolder(string root)
{
    /// <summary>The npm package whose weights the models are converted from.</summary>
    public const string PackageName = "@vladmandic/face-api";

    public const string PackageVersion = "1.7.15";

    /// <summary>Bump when the conversion code changes what it writes, so caches are rebuilt.</summary>
    public const int ConverterRevision = 3;

    public const string RootVariable = "FACEMESH_MODELS";
    private const string ChecksumFile = "checksums.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string Folder => Path.Combine(Root, $"face-api-{PackageVersion}-r{ConverterRevision}");

    /// <summary>The release these models are, as the manifest records it.</summary>
    public static string Release => $"{PackageName}@{PackageVersion} r{ConverterRevision}";

    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "facemesh", "models");
    }

    /// <summary>The folder named by <paramref name="path"/>, or the default when it is empty.</summary>
    public static ModelFolder At(string? path) => new(string.IsNullOrWhiteSpace(path) ? DefaultRoot() : path);

    public static string FileName(ModelKind kind) => kind switch
    {
        ModelKind.Recognition => "face_recognition.onnx",
        ModelKind.SsdMobilenetV1 => "ssd_mobilenetv1.onnx",
        ModelKind.SsdMobilenetV1Int8 => "ssd_mobilenetv1_int8.onnx",
        ModelKind.TinyFaceDetector => "tiny_face_detector.onnx",
        ModelKind.Landmarks68 => "face_landmark_68.onnx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string PathOf(ModelKind kind) => Path.Combine(Folder, FileName(kind));

    /// <summary>Returns null when the folder is complete and intact, else why it is not.</summary>
    public string? Verify()
    {
        var checksumPath = Path.Combine(Folder, ChecksumFile);
        if (!File.Exists(checksumPath))
        {
            return "not installed";
        }

        Dictionary<string, string>? expected;
        try
        {
            expected = JsonSerializer.Deserialize(File.ReadAllText(checksumPath), ModelJsonContext.Default.DictionaryStringString);
        }
        catch (JsonException)
        {
            return "checksum file is corrupt";
        }

        foreach (var kind in Enum.GetValues<ModelKind>())
        {
            var name = FileName(kind);
            var path = PathOf(kind);
            if (expected is null || !expected.TryGetValue(name, out var hash) || !File.Exists(path))
            {
                return $"{name} is missing";
            }

            if (!string.Equals(Sha256(path), hash, StringComparison.Ordinal))
            {
                return $"{name} does not match its checksum";
            }
        }

        return null;
    }

    /// <summary>Seals a folder of freshly written models (every <see cref="ModelKind"/>) with their checksums.</summary>
    public static async Task SealAsync(string folder, CancellationToken cancellationToken)
    {
        var checksums = Enum.GetValues<ModelKind>().ToDictionary(FileName, kind => Sha256(Path.Combine(folder, FileName(kind))));
        await File.WriteAllTextAsync(Path.Combine(folder, ChecksumFile), JsonSerializer.Serialize(checksums, ModelJsonContext.Default.DictionaryStringString), cancellationToken);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
