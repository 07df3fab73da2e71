using FaceMesh.Engine.Landmarks;
using FaceMesh.Models.Onnx;
using FaceMesh.Models.Onnx.Proto;

namespace FaceMesh.Models;

/// <summary>
/// face-api.js's 68-point landmark net (faceLandmarkNet/ over faceFeatureExtractor/) as ONNX: input [N, 3, 112, 112]
/// with the mean RGB subtracted and divided by 255; output [N, 136], interleaved x, y relative to the padded square input.
/// </summary>
public static class LandmarkNetConverter
{
    public const int InputSize = LandmarkNet.InputSize;

    public static ModelProto Convert(WeightMap weights)
    {
        var graph = new OnnxGraphBuilder("face_landmark_68");
        var x = graph.Input("input", "N", 3, InputSize, InputSize);
        for (var block = 0; block < 4; block++)
        {
            x = DenseBlock(graph, weights, x, $"dense{block}", isFirst: block == 0);
        }

        x = graph.AvgPool(x, 7, 2, TfPadding.Valid);
        x = graph.Reshape(x, 0, -1);
        var fc = weights["fc/weights"];
        x = graph.Node("MatMul", [x, graph.Constant("fc", fc.Shape, fc.Data)]);
        x = graph.Add(x, graph.Constant("fc_bias", [136], weights.Values("fc/bias")));
        graph.Output(x, "landmarks", "N", 136);
        return graph.Build("68-point face landmark net, converted from @vladmandic/face-api face_landmark_68_model");
    }

    private static string DenseBlock(OnnxGraphBuilder graph, WeightMap w, string x, string prefix, bool isFirst)
    {
        var out1 = graph.Relu(isFirst
            ? graph.Conv(x, w[$"{prefix}/conv0/filters"], w.Values($"{prefix}/conv0/bias"), 2, TfPadding.Same)
            : Separable(graph, w, x, $"{prefix}/conv0", 2));
        var out2 = Separable(graph, w, out1, $"{prefix}/conv1", 1);
        var sum = graph.Add(out1, out2);
        var out3 = Separable(graph, w, graph.Relu(sum), $"{prefix}/conv2", 1);
        sum = graph.Add(sum, out3);
        var out4 = Separable(graph, w, graph.Relu(sum), $"{prefix}/conv3", 1);
        return graph.Relu(graph.Add(sum, out4));
    }

    private static string Separable(OnnxGraphBuilder graph, WeightMap w, string x, string prefix, int stride) =>
        graph.SeparableConv(x, w[$"{prefix}/depthwise_filter"], w[$"{prefix}/pointwise_filter"], w.Values($"{prefix}/bias"), stride, TfPadding.Same);
}
