using FaceMesh.Models.Onnx.Proto;
using static FaceMesh.Models.Onnx.OnnxGraphBuilder;

namespace FaceMesh.Models.Onnx;

/// <summary>
/// TensorFlow.js layers expressed as ONNX nodes over NCHW tensors. Filters arrive in TensorFlow's [kh, kw, in, out]
/// layout and are transposed to ONNX's [out, in, kh, kw]; per-channel affine steps that follow a convolution
/// (bias, batch norm, scale layers) are folded into its weights so the runtime does one fused convolution.
/// </summary>
public static class TfLayers
{
    public static string Conv(
        this OnnxGraphBuilder graph, string x, WeightTensor filters, float[]? bias, int stride, TfPadding padding,
        ChannelAffine? affine = null, int explicitPad = 0)
    {
        int kh = filters.Shape[0], kw = filters.Shape[1], cin = filters.Shape[2], cout = filters.Shape[3];
        var weights = new float[cout * cin * kh * kw];
        for (var y = 0; y < kh; y++)
        {
            for (var xx = 0; xx < kw; xx++)
            {
                for (var i = 0; i < cin; i++)
                {
                    for (var o = 0; o < cout; o++)
                    {
                        weights[(((o * cin) + i) * kh + y) * kw + xx] = filters.Data[(((y * kw) + xx) * cin + i) * cout + o];
                    }
                }
            }
        }

        var folded = FoldAffine(weights, bias ?? new float[cout], cout, affine);
        return ConvNode(graph, x, [cout, cin, kh, kw], folded.Weights, folded.Bias, stride, padding, group: 1, explicitPad);
    }

    public static string DepthwiseConv(
        this OnnxGraphBuilder graph, string x, WeightTensor filters, float[]? bias, int stride, TfPadding padding,
        ChannelAffine? affine = null, int explicitPad = 0)
    {
        int kh = filters.Shape[0], kw = filters.Shape[1], channels = filters.Shape[2];
        if (filters.Shape[3] != 1)
        {
            throw new InvalidDataException($"{filters.Name}: depthwise multiplier {filters.Shape[3]} is not supported.");
        }

        var weights = new float[channels * kh * kw];
        for (var y = 0; y < kh; y++)
        {
            for (var xx = 0; xx < kw; xx++)
            {
                for (var c = 0; c < channels; c++)
                {
                    weights[((c * kh) + y) * kw + xx] = filters.Data[(((y * kw) + xx) * channels) + c];
                }
            }
        }

        var folded = FoldAffine(weights, bias ?? new float[channels], channels, affine);
        return ConvNode(graph, x, [channels, 1, kh, kw], folded.Weights, folded.Bias, stride, padding, channels, explicitPad);
    }

    public static string SeparableConv(
        this OnnxGraphBuilder graph, string x, WeightTensor depthwise, WeightTensor pointwise, float[] bias,
        int stride, TfPadding padding, int explicitPad = 0)
    {
        var dw = graph.DepthwiseConv(x, depthwise, bias: null, stride, padding, explicitPad: explicitPad);
        return graph.Conv(dw, pointwise, bias, stride: 1, TfPadding.Valid);
    }

    public static string Relu(this OnnxGraphBuilder graph, string x) => graph.Node("Relu", [x]);

    public static string Relu6(this OnnxGraphBuilder graph, string x) =>
        graph.Node("Clip", [x, graph.Scalar("zero", 0f), graph.Scalar("six", 6f)]);

    public static string Leaky(this OnnxGraphBuilder graph, string x) =>
        graph.Node("LeakyRelu", [x], null, Float("alpha", 0.1f));

    public static string Add(this OnnxGraphBuilder graph, string a, string b) => graph.Node("Add", [a, b]);

    public static string MaxPool(this OnnxGraphBuilder graph, string x, int kernel, int stride, TfPadding padding) =>
        graph.Node("MaxPool", [x], null, PoolAttributes(kernel, stride, padding));

    public static string AvgPool(this OnnxGraphBuilder graph, string x, int kernel, int stride, TfPadding padding) =>
        graph.Node("AveragePool", [x], null, PoolAttributes(kernel, stride, padding));

    /// <summary>Zero-pads an NCHW tensor at the end of the given axes (channels, height, width).</summary>
    public static string PadEnd(this OnnxGraphBuilder graph, string x, int channels, int height, int width) =>
        graph.Node("Pad", [x, graph.Int64Constant("pads", 0, 0, 0, 0, 0, channels, height, width)]);

    public static string ToNhwc(this OnnxGraphBuilder graph, string x) =>
        graph.Node("Transpose", [x], null, Ints("perm", 0, 2, 3, 1));

    public static string Reshape(this OnnxGraphBuilder graph, string x, params long[] shape) =>
        graph.Node("Reshape", [x, graph.Int64Constant("shape", shape)]);

    private static AttributeProto[] PoolAttributes(int kernel, int stride, TfPadding padding) =>
        padding == TfPadding.Same
            ? [Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), String("auto_pad", "SAME_UPPER")]
            : [Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride)];

    private static string ConvNode(
        OnnxGraphBuilder graph, string x, int[] shape, float[] weights, float[] bias, int stride, TfPadding padding,
        int group, int explicitPad)
    {
        var w = graph.Constant("W", shape, weights);
        var b = graph.Constant("B", [shape[0]], bias);
        var attributes = new List<AttributeProto>
        {
            Ints("kernel_shape", shape[2], shape[3]),
            Ints("strides", stride, stride),
            Int("group", group),
        };
        if (padding == TfPadding.Same)
        {
            attributes.Add(String("auto_pad", "SAME_UPPER"));
        }
        else if (explicitPad > 0)
        {
            attributes.Add(Ints("pads", explicitPad, explicitPad, explicitPad, explicitPad));
        }

        return graph.Node("Conv", [x, w, b], null, [.. attributes]);
    }

    private static (float[] Weights, float[] Bias) FoldAffine(float[] weights, float[] bias, int outChannels, ChannelAffine? affine)
    {
        if (affine is null)
        {
            return (weights, bias);
        }

        var perChannel = weights.Length / outChannels;
        var foldedBias = new float[outChannels];
        for (var o = 0; o < outChannels; o++)
        {
            var scale = affine.Scale[o];
            for (var k = 0; k < perChannel; k++)
            {
                weights[(o * perChannel) + k] *= scale;
            }

            foldedBias[o] = (bias[o] * scale) + affine.Shift[o];
        }

        return (weights, foldedBias);
    }
}
