using System.Diagnostics;
using FaceMesh.Engine.Clustering;

namespace FaceMesh.Bench;

/// <summary>
/// DBSCAN on synthetic 128-d descriptors shaped like faces: identities of 200 samples on a sphere of radius 0.6,
/// samples about 0.3 apart within an identity and about 0.85 between identities; eps 0.5, min-samples 3.
/// </summary>
public static class DbscanBenchmark
{
    public static void Run(int points)
    {
        Console.WriteLine($"# DBSCAN, {Environment.ProcessorCount} cores, eps 0.5, min-samples 3");
        Console.WriteLine("| points | identities | seconds | clusters | noise | allocated (MB) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var n in new[] { points / 10, points / 2, points })
        {
            var data = Generate(n, Math.Max(1, n / 200), seed: 7);
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var labels = Dbscan.Fit(data, 0.5f, 3);
            clock.Stop();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
            Console.WriteLine($"| {n} | {Math.Max(1, n / 200)} | {clock.Elapsed.TotalSeconds:F2} | {labels.Max() + 1} | {labels.Count(l => l < 0)} | {allocated:F0} |");
        }
    }

    private static float[][] Generate(int n, int identities, int seed)
    {
        var random = new Random(seed);
        var centers = SyntheticDescriptors.Centers(identities, random);
        return [.. Enumerable.Range(0, n).Select(i => SyntheticDescriptors.Sample(centers[i % identities], random))];
    }
}
