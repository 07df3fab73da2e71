namespace FaceMesh.Models.Onnx;

/// <summary>TensorFlow's padding modes; SAME pads the extra row and column at the end, as ONNX's SAME_UPPER does.</summary>
public enum TfPadding
{
    Valid,
    Same,
}
