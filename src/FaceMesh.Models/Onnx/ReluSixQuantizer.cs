using System.Runtime.InteropServices;
using FaceMesh.Models.Onnx.Proto;
using Google.Protobuf;

namespace FaceMesh.Models.Onnx;

/// <summary>
/// Rewrites a float graph of convolutions followed by ReLU6 into ONNX's QDQ form so ONNX Runtime runs them with its
/// int8 kernels (QLinearConv). No calibration is needed: every quantized activation is a ReLU6 output, whose range is
/// 0..6 by construction (uint8, scale 6/255), or the network input with its known range. Weights are quantized per
/// output channel (symmetric int8), biases to int32 at the product of the input and weight scales, as ORT expects.
/// Convolutions whose output is not clipped (prediction heads) keep float weights and read the dequantized input.
/// </summary>
public static class ReluSixQuantizer
{
    private const float ReluSixScale = 6f / 255f;

    public static ModelProto Quantize(ModelProto model, string input, float inputMin, float inputMax)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var consumers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(p => p.Input, p => p.Node);
        // The scale of each dequantized activation, by name: what a convolution reading it needs for its bias.
        var scales = new Dictionary<string, float>();
        var nodes = new List<NodeProto>();
        var counter = 0;
        string Name(string hint) => $"{hint}_q{counter++}";

        var inputScale = (inputMax - inputMin) / 255f;
        var inputZero = (byte)Math.Clamp(MathF.Round(-inputMin / inputScale), 0, 255);
        nodes.AddRange(QuantizeActivation(graph, input, inputScale, inputZero, Name, out var dequantizedInput));
        scales[dequantizedInput] = inputScale;
        var renamed = new Dictionary<string, string> { [input] = dequantizedInput };

        var afterClip = new Dictionary<NodeProto, IEnumerable<NodeProto>>();
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (renamed.TryGetValue(node.Input[i], out var replacement))
                {
                    node.Input[i] = replacement;
                }
            }

            var clip = node.OpType == "Conv" ? SingleReluSix([.. consumers[node.Output[0]]], initializers) : null;
            if (clip is not null && scales.TryGetValue(node.Input[0], out var inputScaleOfConv))
            {
                nodes.AddRange(QuantizeWeights(graph, node, initializers[node.Input[1]], initializers[node.Input[2]], inputScaleOfConv, Name));
                afterClip[clip] = QuantizeActivation(graph, clip.Output[0], ReluSixScale, 0, Name, out var dequantized);
                scales[dequantized] = ReluSixScale;
                renamed[clip.Output[0]] = dequantized;
            }

            nodes.Add(node);
            if (afterClip.Remove(node, out var quantize))
            {
                nodes.AddRange(quantize);
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        return model;
    }

    private static NodeProto? SingleReluSix(List<NodeProto> consumers, Dictionary<string, TensorProto> initializers)
    {
        if (consumers is not [{ OpType: "Clip" } clip] || clip.Input.Count != 3)
        {
            return null;
        }

        return ScalarOf(initializers, clip.Input[1]) == 0f && ScalarOf(initializers, clip.Input[2]) == 6f ? clip : null;
    }

    private static float? ScalarOf(Dictionary<string, TensorProto> initializers, string name) =>
        initializers.TryGetValue(name, out var tensor) && tensor.RawData.Length == sizeof(float)
            ? BitConverter.ToSingle(tensor.RawData.Span)
            : null;

    private static IEnumerable<NodeProto> QuantizeActivation(
        GraphProto graph, string value, float scale, byte zeroPoint, Func<string, string> name, out string dequantized)
    {
        var scaleName = AddTensor(graph, name("scale"), [], TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes<float>([scale]));
        var zeroName = AddTensor(graph, name("zero"), [], TensorProto.Types.DataType.Uint8, [zeroPoint]);
        var quantized = name(value);
        dequantized = name(value);
        return
        [
            Node("QuantizeLinear", [value, scaleName, zeroName], quantized),
            Node("DequantizeLinear", [quantized, scaleName, zeroName], dequantized),
        ];
    }

    private static IEnumerable<NodeProto> QuantizeWeights(
        GraphProto graph, NodeProto conv, TensorProto weights, TensorProto bias, float inputScale, Func<string, string> name)
    {
        var w = MemoryMarshal.Cast<byte, float>(weights.RawData.Span).ToArray();
        var b = MemoryMarshal.Cast<byte, float>(bias.RawData.Span).ToArray();
        var channels = (int)weights.Dims[0];
        var perChannel = w.Length / channels;
        var quantized = new sbyte[w.Length];
        var scales = new float[channels];
        var biasScales = new float[channels];
        var quantizedBias = new int[channels];
        for (var c = 0; c < channels; c++)
        {
            var max = 0f;
            for (var k = 0; k < perChannel; k++)
            {
                max = MathF.Max(max, MathF.Abs(w[(c * perChannel) + k]));
            }

            scales[c] = max > 0 ? max / 127f : 1f;
            for (var k = 0; k < perChannel; k++)
            {
                quantized[(c * perChannel) + k] = (sbyte)Math.Clamp(MathF.Round(w[(c * perChannel) + k] / scales[c]), -127, 127);
            }

            biasScales[c] = inputScale * scales[c];
            quantizedBias[c] = (int)Math.Clamp(Math.Round(b[c] / (double)biasScales[c]), int.MinValue, int.MaxValue);
        }

        var dims = weights.Dims.Select(d => (int)d).ToArray();
        var axis = OnnxGraphBuilder.Int("axis", 0);
        var qw = AddTensor(graph, name("w"), dims, TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(quantized.AsSpan()));
        var ws = AddTensor(graph, name("w_scale"), [channels], TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()));
        var wz = AddTensor(graph, name("w_zero"), [channels], TensorProto.Types.DataType.Int8, new byte[channels]);
        var qb = AddTensor(graph, name("b"), [channels], TensorProto.Types.DataType.Int32, MemoryMarshal.AsBytes(quantizedBias.AsSpan()));
        var bs = AddTensor(graph, name("b_scale"), [channels], TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(biasScales.AsSpan()));
        var bz = AddTensor(graph, name("b_zero"), [channels], TensorProto.Types.DataType.Int32, new byte[channels * sizeof(int)]);
        graph.Initializer.Remove(weights);
        graph.Initializer.Remove(bias);
        conv.Input[1] = name("w_dq");
        conv.Input[2] = name("b_dq");
        return
        [
            Node("DequantizeLinear", [qw, ws, wz], conv.Input[1], axis),
            Node("DequantizeLinear", [qb, bs, bz], conv.Input[2], axis),
        ];
    }

    private static string AddTensor(GraphProto graph, string name, int[] dims, TensorProto.Types.DataType type, ReadOnlySpan<byte> data)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims.Select(d => (long)d));
        graph.Initializer.Add(tensor);
        return name;
    }

    private static NodeProto Node(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }
}
