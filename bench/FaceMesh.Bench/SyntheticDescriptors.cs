namespace FaceMesh.Bench;

/// <summary>128-d descriptors shaped like faces: identity centres on a sphere of radius 0.6, samples about 0.3 apart within one.</summary>
public static class SyntheticDescriptors
{
    public static float[][] Centers(int identities, Random random) => [.. Enumerable.Range(0, identities).Select(_ =>
        {
            var c = Enumerable.Range(0, 128).Select(_ => Gaussian(random)).ToArray();
            var norm = MathF.Sqrt(c.Sum(v => v * v));
            return c.Select(v => v / norm * 0.6f).ToArray();
        })];

    public static float[] Sample(float[] center, Random random) => [.. center.Select(v => v + (Gaussian(random) * 0.15f / 8f))];

    private static float Gaussian(Random random) => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
