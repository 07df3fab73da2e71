using System.Security.Cryptography;
using System.Text.Json;
using FaceMesh.Engine.Onnx.Proto;
using Google.Protobuf;

namespace FaceMesh.Engine.Models;

/// <summary>
/// The folder of converted ONNX models. Each package version and converter revision gets its own subfolder, sealed by a
/// checksum file written last; a folder whose checksums do not match (a crash mid-write, a corrupted disk) is rebuilt.
/// </summary>
public sealed class ModelStore(string root)
{
    /// <summary>Bump when the conversion code changes what it writes, so caches are rebuilt.</summary>
    public const int ConverterRevision = 1;

    public const string RootVariable = "FACEMESH_MODELS";
    private const string ChecksumFile = "checksums.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string Folder => Path.Combine(Root, $"face-api-{FaceApiPackage.Version}-r{ConverterRevision}");

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

    public static string FileName(ModelKind kind) => kind switch
    {
        ModelKind.Recognition => "face_recognition.onnx",
        ModelKind.SsdMobilenetV1 => "ssd_mobilenetv1.onnx",
        ModelKind.TinyFaceDetector => "tiny_face_detector.onnx",
        ModelKind.Landmarks68 => "face_landmark_68.onnx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string PathOf(ModelKind kind) => Path.Combine(Folder, FileName(kind));

    /// <summary>Returns null when the cache is complete and intact, else why it is not.</summary>
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

    public async Task EnsureAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Verify() is null)
        {
            return;
        }

        Directory.CreateDirectory(Root);
        await using var guard = await FolderLock.AcquireAsync(Path.Combine(Root, ".lock"), cancellationToken);
        var reason = Verify();
        if (reason is null)
        {
            return;
        }

        progress?.Report($"Provisioning face models ({reason}): fetching {FaceApiPackage.Name}@{FaceApiPackage.Version} into {Folder}");
        await InstallAsync(progress, cancellationToken);
    }

    private async Task InstallAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var tarball = await FaceApiPackage.FetchAsync(staging, cancellationToken);
            FaceApiPackage.VerifyIntegrity(tarball);
            var weights = Path.Combine(staging, "weights");
            FaceApiPackage.ExtractModels(tarball, weights);

            var output = Path.Combine(staging, "onnx");
            Directory.CreateDirectory(output);
            var checksums = new Dictionary<string, string>();
            foreach (var kind in Enum.GetValues<ModelKind>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"Converting {FileName(kind)}");
                var path = Path.Combine(output, FileName(kind));
                await File.WriteAllBytesAsync(path, Convert(kind, weights).ToByteArray(), cancellationToken);
                checksums[FileName(kind)] = Sha256(path);
            }

            await File.WriteAllTextAsync(Path.Combine(output, ChecksumFile), JsonSerializer.Serialize(checksums, ModelJsonContext.Default.DictionaryStringString), cancellationToken);
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }

            Directory.Move(output, Folder);
            progress?.Report($"Face models ready in {Folder}");
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static ModelProto Convert(ModelKind kind, string weightsFolder) => kind switch
    {
        ModelKind.Recognition => RecognitionNetConverter.Convert(WeightMap.Load(weightsFolder, "face_recognition_model")),
        ModelKind.SsdMobilenetV1 => SsdMobilenetV1Converter.Convert(WeightMap.Load(weightsFolder, "ssd_mobilenetv1_model")),
        ModelKind.TinyFaceDetector => TinyFaceDetectorConverter.Convert(WeightMap.Load(weightsFolder, "tiny_face_detector_model")),
        ModelKind.Landmarks68 => LandmarkNetConverter.Convert(WeightMap.Load(weightsFolder, "face_landmark_68_model")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return System.Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
