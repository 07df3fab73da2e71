namespace FaceMesh.Models.Onnx;

/// <summary>A per-channel <c>y = x * Scale + Shift</c> that follows a convolution and can be folded into it.</summary>
public sealed record ChannelAffine(float[] Scale, float[] Shift)
{
    public static ChannelAffine FromBatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, float epsilon)
    {
        var scale = new float[gamma.Length];
        var shift = new float[gamma.Length];
        for (var c = 0; c < gamma.Length; c++)
        {
            scale[c] = gamma[c] / MathF.Sqrt(variance[c] + epsilon);
            shift[c] = beta[c] - (mean[c] * scale[c]);
        }

        return new ChannelAffine(scale, shift);
    }
}
