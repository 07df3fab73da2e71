using FaceMesh.Engine;
using FaceMesh.Engine.Models;
using FaceMesh.Models.Onnx.Proto;
using Google.Protobuf;

namespace FaceMesh.Models;

/// <summary>
/// Installs the converted models into a <see cref="ModelFolder"/>: fetches the pinned package, checks its integrity,
/// converts each network to ONNX in a staging folder and moves it into place sealed. One installer at a time per root.
/// </summary>
public sealed class ModelInstaller(ModelFolder models)
{
    public ModelFolder Models => models;

    /// <summary>Installs the models <paramref name="options"/> name if needed, then opens an engine: for the CLI's first run.</summary>
    public static async Task<FaceEngine> OpenEngineAsync(FaceEngineOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        await new ModelInstaller(ModelFolder.At(options.ModelsPath)).EnsureAsync(progress, cancellationToken);
        return FaceEngine.Open(options);
    }

    /// <summary>Installs unless the folder is already complete and intact.</summary>
    public async Task EnsureAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (models.Verify() is null)
        {
            return;
        }

        Directory.CreateDirectory(models.Root);
        await using var guard = await FolderLock.AcquireAsync(Path.Combine(models.Root, ".lock"), cancellationToken);
        var reason = models.Verify();
        if (reason is null)
        {
            return;
        }

        progress?.Report($"Provisioning face models ({reason}): fetching {ModelFolder.PackageName}@{ModelFolder.PackageVersion} into {models.Folder}");
        await InstallAsync(progress, cancellationToken);
    }

    private async Task InstallAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(models.Root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var tarball = await FaceApiPackage.FetchAsync(staging, cancellationToken);
            FaceApiPackage.VerifyIntegrity(tarball);
            var weights = Path.Combine(staging, "weights");
            FaceApiPackage.ExtractModels(tarball, weights);

            var output = Path.Combine(staging, "onnx");
            Directory.CreateDirectory(output);
            foreach (var kind in Enum.GetValues<ModelKind>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"Converting {ModelFolder.FileName(kind)}");
                await File.WriteAllBytesAsync(Path.Combine(output, ModelFolder.FileName(kind)), Convert(kind, weights).ToByteArray(), cancellationToken);
            }

            await ModelFolder.SealAsync(output, cancellationToken);
            if (Directory.Exists(models.Folder))
            {
                Directory.Delete(models.Folder, recursive: true);
            }

            Directory.Move(output, models.Folder);
            progress?.Report($"Face models ready in {models.Folder}");
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
        ModelKind.SsdMobilenetV1Int8 => SsdMobilenetV1Converter.ConvertInt8(WeightMap.Load(weightsFolder, "ssd_mobilenetv1_model")),
        ModelKind.TinyFaceDetector => TinyFaceDetectorConverter.Convert(WeightMap.Load(weightsFolder, "tiny_face_detector_model")),
        ModelKind.Landmarks68 => LandmarkNetConverter.Convert(WeightMap.Load(weightsFolder, "face_landmark_68_model")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
