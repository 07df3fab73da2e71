using FaceMesh.Engine.Models;

namespace FaceMesh.Engine.Tests;

/// <summary>
/// Provisions the real converted models once per test run (npm pack on first use, then the cache), into
/// $FACEMESH_MODELS when set, else the per-user default, exactly as the CLI does.
/// </summary>
public sealed class ModelsFixture : IAsyncLifetime
{
    public ModelStore Store { get; } = new(ModelStore.DefaultRoot());

    public FaceEngineOptions Options(Action<FaceEngineOptions>? configure = null)
    {
        var options = new FaceEngineOptions { ModelsPath = Store.Root };
        configure?.Invoke(options);
        return options;
    }

    public Task<FaceEngine> CreateEngineAsync(Action<FaceEngineOptions>? configure = null) =>
        FaceEngine.CreateAsync(Options(configure));

    public Task InitializeAsync() => Store.EnsureAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ModelsCollection : ICollectionFixture<ModelsFixture>
{
    public const string Name = "models";
}
