using Microsoft.ML.OnnxRuntime;

namespace FaceMesh.Engine;

/// <summary>One ONNX Runtime session over a converted model, created once and reused; runs one float input.</summary>
public sealed class OnnxNet : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;

    public OnnxNet(string modelPath, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(modelPath, options);
        _inputName = _session.InputMetadata.Keys.Single();
        _outputNames = [.. _session.OutputMetadata.Keys];
    }

    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Runs the net; the caller disposes the returned outputs (in <see cref="OutputNames"/> order).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(float[] input, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, [_inputName], [value], _outputNames);
    }

    public void Dispose() => _session.Dispose();
}
