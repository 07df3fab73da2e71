using FaceMesh.Engine;
using FaceMesh.Engine.Models;
using FaceMesh.Testing;

namespace FaceMesh.Models.Tests;

[Collection(ModelsCollection.Name)]
public sealed class ModelInstallerTests(ModelsFixture models) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("facemesh-models-").FullName;

    [Fact]
    public void Verify_EmptyFolder_SaysNotInstalled() => Assert.Equal("not installed", new ModelFolder(_root).Verify());

    [Fact]
    public async Task EnsureAsync_RebuildsACorruptedModel()
    {
        var store = CopyOfInstalledModels();
        Assert.Null(store.Verify());
        var path = store.PathOf(ModelKind.Landmarks68);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("checksum", store.Verify());

        var lines = new List<string>();
        await new ModelInstaller(store).EnsureAsync(new SynchronousProgress(lines.Add));

        Assert.Null(store.Verify());
        Assert.Contains(lines, l => l.Contains("Provisioning", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_MissingModel_IsReported()
    {
        var store = CopyOfInstalledModels();
        File.Delete(store.PathOf(ModelKind.Recognition));
        Assert.Equal("face_recognition.onnx is missing", store.Verify());
    }

    [Fact]
    public void OpeningAnEngine_WithoutModels_FailsSayingHowToInstall_AndFetchesNothing()
    {
        var error = Assert.Throws<ModelProvisioningException>(() => FaceEngine.Open(new FaceEngineOptions { ModelsPath = _root }));

        Assert.Contains("facemesh models install", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void OpeningAnEngine_OverInstalledModels_Works()
    {
        var store = CopyOfInstalledModels();

        using var engine = FaceEngine.Open(new FaceEngineOptions { ModelsPath = store.Root });

        Assert.Equal(store.Root, new ModelFolder(engine.Options.ModelsPath).Root);
    }

    [Fact]
    public void Folder_IsKeyedByPackageVersionAndConverterRevision() =>
        Assert.EndsWith($"face-api-{FaceApiPackage.Version}-r{ModelFolder.ConverterRevision}", new ModelFolder(_root).Folder);

    private ModelFolder CopyOfInstalledModels()
    {
        var store = new ModelFolder(_root);
        Directory.CreateDirectory(store.Folder);
        foreach (var file in Directory.GetFiles(models.Folder.Folder))
        {
            File.Copy(file, Path.Combine(store.Folder, Path.GetFileName(file)));
        }

        return store;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
