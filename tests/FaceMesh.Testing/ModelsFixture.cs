using FaceMesh.Engine;
using FaceMesh.Engine.Models;
using FaceMesh.Models;
using Xunit;

namespace FaceMesh.Testing;

/// <summary>
/// The real converted models, installed once per test run (npm pack on first use, then the cache) into
/// $FACEMESH_MODELS when set, else the per-user default, exactly as the CLI does.
/// </summary>
public sealed class ModelsFixture : IAsyncLifetime
{
    public ModelFolder Folder { get; } = ModelFolder.At(null);

    /// <summary>Installs the default models unless they are there; what every test that opens an engine awaits first.</summary>
    public static Task EnsureInstalledAsync() => new ModelInstaller(ModelFolder.At(null)).EnsureAsync();

    /// <summary>An engine over the installed models.</summary>
    public static Task<FaceEngine> OpenEngineAsync(FaceEngineOptions options) => ModelInstaller.OpenEngineAsync(options);

    public FaceEngineOptions Options(Action<FaceEngineOptions>? configure = null)
    {
        var options = new FaceEngineOptions { ModelsPath = Folder.Root };
        configure?.Invoke(options);
        return options;
    }

    public Task<FaceEngine> CreateEngineAsync(Action<FaceEngineOptions>? configure = null) => OpenEngineAsync(Options(configure));

    public Task InitializeAsync() => EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
