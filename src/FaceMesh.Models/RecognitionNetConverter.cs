using FaceMesh.Engine.Recognition;
using FaceMesh.Models.Onnx;
using FaceMesh.Models.Onnx.Proto;

namespace FaceMesh.Models;

/// <summary>
/// face-api.js's port of dlib's ResNet-29 face descriptor (faceRecognitionNet/FaceRecognitionNet.ts) as ONNX:
/// input [N, 3, 150, 150] with the mean RGB subtracted and divided by 255; output [N, 128].
/// </summary>
public static class RecognitionNetConverter
{
    public const int InputSize = DescriptorNet.ChipSize;

    public static ModelProto Convert(WeightMap weights)
    {
        var graph = new OnnxGraphBuilder("face_recognition");
        var x = graph.Input("input", "N", 3, InputSize, InputSize);
        x = graph.Relu(ConvLayer(graph, weights, x, "conv32_down", stride: 2, TfPadding.Valid));
        x = graph.MaxPool(x, 3, 2, TfPadding.Valid);
        var size = ((((InputSize - 7) / 2) + 1) - 3) / 2 + 1;
        var channels = 32;

        foreach (var block in new[] { "conv32_1", "conv32_2", "conv32_3" })
        {
            x = Residual(graph, weights, x, block);
        }

        foreach (var (down, blocks, outChannels) in new[]
                 {
                     ("conv64_down", new[] { "conv64_1", "conv64_2", "conv64_3" }, 64),
                     ("conv128_down", new[] { "conv128_1", "conv128_2" }, 128),
                     ("conv256_down", new[] { "conv256_1", "conv256_2" }, 256),
                 })
        {
            (x, size) = ResidualDown(graph, weights, x, down, size, channels, outChannels);
            channels = outChannels;
            foreach (var block in blocks)
            {
                x = Residual(graph, weights, x, block);
            }
        }

        (x, _) = ResidualDown(graph, weights, x, "conv256_down_out", size, channels, channels);
        var pooled = graph.Node("ReduceMean", [x], null, OnnxGraphBuilder.Ints("axes", 2, 3), OnnxGraphBuilder.Int("keepdims", 0));
        var fc = weights["fc"];
        var descriptor = graph.Node("MatMul", [pooled, graph.Constant("fc", fc.Shape, fc.Data)]);
        graph.Output(descriptor, "descriptor", "N", 128);
        return graph.Build("dlib ResNet face descriptor, converted from @vladmandic/face-api face_recognition_model");
    }

    private static string ConvLayer(OnnxGraphBuilder graph, WeightMap w, string x, string prefix, int stride, TfPadding padding)
    {
        var affine = new ChannelAffine(w.Values($"{prefix}/scale/weights"), w.Values($"{prefix}/scale/biases"));
        return graph.Conv(x, w[$"{prefix}/conv/filters"], w.Values($"{prefix}/conv/bias"), stride, padding, affine);
    }

    private static string Residual(OnnxGraphBuilder graph, WeightMap w, string x, string prefix)
    {
        var branch = graph.Relu(ConvLayer(graph, w, x, $"{prefix}/conv1", 1, TfPadding.Same));
        branch = ConvLayer(graph, w, branch, $"{prefix}/conv2", 1, TfPadding.Same);
        return graph.Relu(graph.Add(branch, x));
    }

    /// <summary>
    /// The downsampling block; as in face-api.js, the shortcut is a 2x2 average pool whose channels are zero-padded,
    /// and the convolution branch is zero-padded by a row and a column when its output comes out one smaller.
    /// </summary>
    private static (string Value, int Size) ResidualDown(
        OnnxGraphBuilder graph, WeightMap w, string x, string prefix, int size, int inChannels, int outChannels)
    {
        var branch = graph.Relu(ConvLayer(graph, w, x, $"{prefix}/conv1", 2, TfPadding.Valid));
        branch = ConvLayer(graph, w, branch, $"{prefix}/conv2", 1, TfPadding.Same);
        var convSize = ((size - 3) / 2) + 1;
        var poolSize = size / 2;
        if (convSize != poolSize)
        {
            branch = graph.PadEnd(branch, 0, poolSize - convSize, poolSize - convSize);
        }

        var shortcut = graph.AvgPool(x, 2, 2, TfPadding.Valid);
        if (inChannels != outChannels)
        {
            shortcut = graph.PadEnd(shortcut, outChannels - inChannels, 0, 0);
        }

        return (graph.Relu(graph.Add(shortcut, branch)), poolSize);
    }
}
