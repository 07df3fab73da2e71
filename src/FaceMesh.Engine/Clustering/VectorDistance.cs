using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FaceMesh.Engine.Clustering;

/// <summary>Euclidean distance with the widest SIMD the CPU offers; the hot loop of clustering.</summary>
internal static class VectorDistance
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Squared(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Descriptors differ in dimension.");
        }

        ref var x = ref MemoryMarshal.GetArrayDataReference(a);
        ref var y = ref MemoryMarshal.GetArrayDataReference(b);
        var i = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated && a.Length >= 16)
        {
            var acc = Vector512<float>.Zero;
            for (; i <= a.Length - 16; i += 16)
            {
                var d = Vector512.LoadUnsafe(ref x, (nuint)i) - Vector512.LoadUnsafe(ref y, (nuint)i);
                acc = Vector512.FusedMultiplyAdd(d, d, acc);
            }

            sum = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var acc = Vector256<float>.Zero;
            for (; i <= a.Length - 8; i += 8)
            {
                var d = Vector256.LoadUnsafe(ref x, (nuint)i) - Vector256.LoadUnsafe(ref y, (nuint)i);
                acc = Vector256.FusedMultiplyAdd(d, d, acc);
            }

            sum = Vector256.Sum(acc);
        }

        return i == a.Length ? sum : sum + TensorPrimitives.SumOfSquares<float>(Subtract(a.AsSpan(i), b.AsSpan(i)));
    }

    public static float Euclidean(float[] a, float[] b) => MathF.Sqrt(Squared(a, b));

    private static float[] Subtract(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var result = new float[a.Length];
        TensorPrimitives.Subtract(a, b, result);
        return result;
    }
}
