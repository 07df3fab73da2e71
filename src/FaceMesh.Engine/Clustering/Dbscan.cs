
namespace FaceMesh.Engine.Clustering;

/// <summary>
/// DBSCAN with scikit-learn's exact semantics over Euclidean distance: a point is core when at least
/// <c>minSamples</c> points (itself included) lie within <c>eps</c> (inclusive); clusters are the connected components
/// of core points, numbered in the order of their lowest-index core point; a border point joins the first such cluster
/// with a core point within <c>eps</c>; everything else is noise (-1).
/// <para>
/// Memory stays linear in n: no distance matrix and no neighbour lists. Distances are computed twice (a counting
/// pass and a linking pass), pruned with pivot groups and the triangle inequality, in parallel, with SIMD.
/// </para>
/// </summary>
public static class Dbscan
{
    public const int Noise = -1;

    /// <param name="points">n points of equal dimension.</param>
    /// <returns>sklearn's labels: clusters 0.. in sklearn's order, noise -1.</returns>
    public static int[] Fit(IReadOnlyList<float[]> points, float eps, int minSamples, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSamples);
        var n = points.Count;
        var labels = new int[n];
        Array.Fill(labels, Noise);
        if (n == 0)
        {
            return labels;
        }

        var index = new PivotIndex(points, eps, maxDegreeOfParallelism);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        var counts = new int[n];
        Parallel.For(0, n, parallel, i => counts[i] = 1 + index.CountNeighbours(i));
        var isCore = counts.Select(c => c >= minSamples).ToArray();

        var components = new ConcurrentUnionFind(n);
        Parallel.For(0, n, parallel, i =>
        {
            if (isCore[i])
            {
                index.ForEachNeighbour(i, j =>
                {
                    if (j > i && isCore[j])
                    {
                        components.Union(i, j);
                    }
                });
            }
        });

        // Components are rooted at their lowest index, so numbering roots in index order is sklearn's order.
        var clusterOfRoot = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (isCore[i])
            {
                var root = components.Find(i);
                if (!clusterOfRoot.TryGetValue(root, out var cluster))
                {
                    clusterOfRoot[root] = cluster = clusterOfRoot.Count;
                }

                labels[i] = cluster;
            }
        }

        Parallel.For(0, n, parallel, i =>
        {
            if (isCore[i] || counts[i] == 1)
            {
                return;
            }

            var best = int.MaxValue;
            index.ForEachNeighbour(i, j =>
            {
                if (isCore[j])
                {
                    best = Math.Min(best, clusterOfRoot[components.Find(j)]);
                }
            });
            if (best != int.MaxValue)
            {
                labels[i] = best;
            }
        });

        return labels;
    }

    /// <summary>Renumbers clusters by size, largest first (ties keep their order); noise stays -1.</summary>
    public static int[] NumberBySize(int[] labels)
    {
        var order = labels.Where(l => l != Noise)
            .GroupBy(l => l)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select((g, rank) => (g.Key, rank))
            .ToDictionary(p => p.Key, p => p.rank);
        return labels.Select(l => l == Noise ? Noise : order[l]).ToArray();
    }

    /// <summary>Euclidean distance between two descriptors, SIMD-accelerated.</summary>
    public static float Distance(float[] a, float[] b) => VectorDistance.Euclidean(a, b);
}
