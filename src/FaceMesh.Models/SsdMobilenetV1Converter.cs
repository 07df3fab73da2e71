using FaceMesh.Engine.Detection;
using FaceMesh.Models.Onnx;
using FaceMesh.Models.Onnx.Proto;

namespace FaceMesh.Models;

/// <summary>
/// face-api.js's SSD-MobileNetV1 face detector (ssdMobilenetv1/) as ONNX: input [N, 3, H, W] scaled to -1..1, where
/// face-api.js always feeds 512x512; outputs the raw box encodings [N, A, 4] and class logits [N, A, 3] of every
/// anchor, and the anchors the weights carry for 512x512 [5118, 4] (ymin, xmin, ymax, xmax), so box decoding and NMS
/// run in C#. The network is fully convolutional: sides that are multiples of 512 give every feature map a whole
/// number of cells, and <see cref="SsdAnchors"/> gives their anchors.
/// </summary>
public static class SsdMobilenetV1Converter
{
    public const int AnchorCount = SsdFaceDetector.AnchorCount;
    private const float BatchNormEpsilon = 0.0010000000474974513f;

    public static ModelProto Convert(WeightMap weights)
    {
        var graph = new OnnxGraphBuilder("ssd_mobilenetv1");
        var x = graph.Input("input", "N", 3, "H", "W");

        x = Pointwise(graph, weights, x, "MobilenetV1/Conv2d_0_pointwise", stride: 2);
        string? conv11 = null;
        for (var layer = 1; layer <= 13; layer++)
        {
            var stride = layer is 2 or 4 or 6 or 12 ? 2 : 1;
            var prefix = $"MobilenetV1/Conv2d_{layer}_depthwise";
            var affine = ChannelAffine.FromBatchNorm(
                weights.Values($"{prefix}/BatchNorm/gamma"),
                weights.Values($"{prefix}/BatchNorm/beta"),
                weights.Values($"{prefix}/BatchNorm/moving_mean"),
                weights.Values($"{prefix}/BatchNorm/moving_variance"),
                BatchNormEpsilon);
            x = graph.Relu6(graph.DepthwiseConv(x, weights[$"{prefix}/depthwise_weights"], null, stride, TfPadding.Same, affine));
            x = Pointwise(graph, weights, x, $"MobilenetV1/Conv2d_{layer}_pointwise", stride: 1);
            if (layer == 11)
            {
                conv11 = x;
            }
        }

        var features = new string[8];
        var previous = x;
        for (var i = 0; i < 8; i++)
        {
            previous = features[i] = Pointwise(graph, weights, previous, $"Prediction/Conv2d_{i}_pointwise", stride: i % 2 == 1 ? 2 : 1);
        }

        var sources = new[] { conv11!, x, features[1], features[3], features[5], features[7] };
        var boxes = new string[sources.Length];
        var classes = new string[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var prefix = $"Prediction/BoxPredictor_{i}";
            var encoding = graph.Conv(sources[i], weights[$"{prefix}/BoxEncodingPredictor/weights"],
                weights.Values($"{prefix}/BoxEncodingPredictor/biases"), 1, TfPadding.Same);
            boxes[i] = graph.Reshape(graph.ToNhwc(encoding), 0, -1, 4);
            var logits = graph.Conv(sources[i], weights[$"{prefix}/ClassPredictor/weights"],
                weights.Values($"{prefix}/ClassPredictor/biases"), 1, TfPadding.Same);
            classes[i] = graph.Reshape(graph.ToNhwc(logits), 0, -1, 3);
        }

        var axis = OnnxGraphBuilder.Int("axis", 1);
        graph.Output(graph.Node("Concat", boxes, null, axis), "box_encodings", "N", "A", 4);
        graph.Output(graph.Node("Concat", classes, null, axis), "class_logits", "N", "A", 3);

        var anchors = weights["Output/extra_dim"];
        graph.Output(graph.Constant("anchors", [AnchorCount, 4], anchors.Data), "anchors", AnchorCount, 4);
        return graph.Build("SSD-MobileNetV1 face detector, converted from @vladmandic/face-api ssd_mobilenetv1_model");
    }

    /// <summary>
    /// The same network with its ReLU6 convolutions in int8 (QDQ form, see <see cref="ReluSixQuantizer"/>); the input's
    /// range is -1..1 and the prediction heads stay float.
    /// </summary>
    public static ModelProto ConvertInt8(WeightMap weights) => ReluSixQuantizer.Quantize(Convert(weights), "input", -1f, 1f);

    private static string Pointwise(OnnxGraphBuilder graph, WeightMap w, string x, string prefix, int stride) =>
        graph.Relu6(graph.Conv(x, w[$"{prefix}/weights"], w.Values($"{prefix}/convolution_bn_offset"), stride, TfPadding.Same));
}
