using FaceMesh.Engine.Models;

namespace FaceMesh.Engine.Recognition;

/// <summary>The ResNet face descriptor over prepared 150x150 chips (planar, normalized), several faces per run.</summary>
public sealed class DescriptorNet(OnnxNet net)
{
    public const int ChipSize = 150;
    public const int Dimensions = 128;
    public const int ChipFloats = 3 * ChipSize * ChipSize;

    /// <summary>Computes one descriptor per chip; <paramref name="chips"/> holds <paramref name="count"/> chips back to back.</summary>
    public float[][] Compute(Memory<float> chips, int count)
    {
        if (count == 0)
        {
            return [];
        }

        using var outputs = net.Run(chips, [count, 3, ChipSize, ChipSize]);
        var values = outputs[0].GetTensorDataAsSpan<float>();
        var result = new float[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = values.Slice(i * Dimensions, Dimensions).ToArray();
        }

        return result;
    }
}
