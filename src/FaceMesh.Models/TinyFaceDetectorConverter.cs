using FaceMesh.Models.Onnx;
using FaceMesh.Models.Onnx.Proto;

namespace FaceMesh.Models;

/// <summary>
/// face-api.js's tiny face detector (a separable-convolution Tiny YOLOv2, tinyFaceDetector/ over tinyYolov2/) as ONNX:
/// input [N, 3, S, S] (S a multiple of 32) with the mean RGB subtracted and divided by 255; output [N, S/32, S/32, 25]:
/// five anchors of (x, y, w, h, objectness) per grid cell.
/// </summary>
public static class TinyFaceDetectorConverter
{
    public static ModelProto Convert(WeightMap weights)
    {
        var graph = new OnnxGraphBuilder("tiny_face_detector");
        var x = graph.Input("input", "N", 3, "S", "S");
        x = graph.Leaky(graph.Conv(x, weights["conv0/filters"], weights.Values("conv0/bias"), 1, TfPadding.Valid));
        for (var layer = 1; layer <= 5; layer++)
        {
            x = graph.MaxPool(x, 2, 2, TfPadding.Same);
            x = graph.Leaky(graph.SeparableConv(x, weights[$"conv{layer}/depthwise_filter"],
                weights[$"conv{layer}/pointwise_filter"], weights.Values($"conv{layer}/bias"), 1, TfPadding.Valid, explicitPad: 1));
        }

        x = graph.MaxPool(x, 2, 1, TfPadding.Same);
        x = graph.Conv(x, weights["conv8/filters"], weights.Values("conv8/bias"), 1, TfPadding.Valid);
        graph.Output(graph.ToNhwc(x), "grid", "N", "G", "G", 25);
        return graph.Build("Tiny face detector, converted from @vladmandic/face-api tiny_face_detector_model");
    }
}
