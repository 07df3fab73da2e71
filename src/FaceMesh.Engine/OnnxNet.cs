using Microsoft.ML.OnnxRuntime;

namespace FaceMesh.Engine;

/// <summary>
/// One ONNX Runtime session over a converted model, created once and reused; runs one float input. Like the engine that
/// holds it, it serves one thread at a time, which lets it keep one input buffer for all its runs.
/// </summary>
public sealed class OnnxNet : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;
    private float[] _input = [];

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

    /// <summary>
    /// The buffer to write the next run's input into, <paramref name="length"/> floats, reused from run to run: a
    /// frame's detection input is megabytes, and fresh arrays that size cost page faults and zeroing every frame.
    /// </summary>
    public Memory<float> InputBuffer(int length)
    {
        if (_input.Length < length)
        {
            _input = new float[length];
        }

        return _input.AsMemory(0, length);
    }

    /// <summary>Runs the net; the caller disposes the returned outputs (in <see cref="OutputNames"/> order).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(Memory<float> input, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, [_inputName], [value], _outputNames);
    }

    public void Dispose() => _session.Dispose();
}
