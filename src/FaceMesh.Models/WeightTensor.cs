namespace FaceMesh.Models;

/// <summary>A named float tensor decoded from a TensorFlow.js weight file, in its original (TensorFlow) layout.</summary>
public sealed record WeightTensor(string Name, int[] Shape, float[] Data)
{
    public int ElementCount => Data.Length;
}
