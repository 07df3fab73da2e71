using System.Collections.Concurrent;
using FaceMesh.Engine;
using FaceMesh.Engine.Detection;
using FaceMesh.Hosting.Settings;
using Microsoft.Extensions.Options;

namespace FaceMesh.Encoder;

/// <summary>One face engine per concurrent frame, per detector; an engine serves one thread at a time.</summary>
public sealed class EnginePool(IOptions<EncoderOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<DetectorKind, ConcurrentBag<FaceEngine>> _idle = new();
    private readonly List<FaceEngine> _all = [];

    public async Task<T> UseAsync<T>(DetectorKind detector, Func<FaceEngine, Task<T>> work, CancellationToken cancellationToken)
    {
        var bag = _idle.GetOrAdd(detector, _ => []);
        if (!bag.TryTake(out var engine))
        {
            engine = FaceEngine.Open(new FaceEngineOptions { Detector = detector, Precision = options.Value.Precision, ModelsPath = options.Value.ModelsPath });
            lock (_all)
            {
                _all.Add(engine);
            }
        }

        try
        {
            return await work(engine);
        }
        finally
        {
            bag.Add(engine);
        }
    }

    /// <summary>At start: the models the image installed are there and intact, or the Encoder does not start.</summary>
    public void VerifyModels()
    {
        using var engine = FaceEngine.Open(new FaceEngineOptions { ModelsPath = options.Value.ModelsPath });
    }

    public void Dispose()
    {
        lock (_all)
        {
            _all.ForEach(e => e.Dispose());
        }
    }
}
