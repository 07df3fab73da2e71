namespace FaceMesh.Engine.Clustering;

/// <summary>
/// Exact range search for DBSCAN without a distance matrix. Pivots are chosen farthest-first until every point lies
/// within eps/2 of one (or a cap is reached); each point joins its nearest pivot's group. Each point then keeps the
/// short list of groups the triangle inequality cannot rule out (<c>d(x, pivot) - radius &lt;= eps</c>), and within a
/// group only members in the annulus <c>|d(x, pivot) - d(j, pivot)| &lt;= eps</c> are measured.
/// Memory is O(n x groups within reach), which is small for descriptors of distinct people.
/// </summary>
internal sealed class PivotIndex
{
    // Float rounding must never prune a pair that lies exactly at eps.
    private const float Slack = 1e-5f;

    private readonly IReadOnlyList<float[]> _points;
    private readonly float _eps;
    private readonly float _reach;
    private readonly int[][] _members;
    private readonly float[][] _memberDistance;
    private readonly (int Group, float Distance)[][] _candidates;

    public PivotIndex(IReadOnlyList<float[]> points, float eps, int maxDegreeOfParallelism = -1)
    {
        _points = points;
        _eps = eps;
        _reach = (eps * (1 + Slack)) + Slack;
        var n = points.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var pivots = ChoosePivots(points, eps / 2, Math.Clamp(n / 16, 1, 1024), parallel, out var owner, out var ownerDistance);

        var radius = new float[pivots.Count];
        var sizes = new int[pivots.Count];
        for (var i = 0; i < n; i++)
        {
            radius[owner[i]] = Math.Max(radius[owner[i]], ownerDistance[i]);
            sizes[owner[i]]++;
        }

        _members = sizes.Select(s => new int[s]).ToArray();
        _memberDistance = sizes.Select(s => new float[s]).ToArray();
        var fill = new int[pivots.Count];
        for (var i = 0; i < n; i++)
        {
            var p = owner[i];
            _members[p][fill[p]] = i;
            _memberDistance[p][fill[p]++] = ownerDistance[i];
        }

        for (var p = 0; p < pivots.Count; p++)
        {
            Array.Sort(_memberDistance[p], _members[p]);
        }

        _candidates = new (int, float)[n][];
        Parallel.For(0, n, parallel, i =>
        {
            var reachable = new List<(int, float)>();
            for (var p = 0; p < pivots.Count; p++)
            {
                var d = Dbscan.Distance(points[i], points[pivots[p]]);
                if (d - radius[p] <= _reach)
                {
                    reachable.Add((p, d));
                }
            }

            _candidates[i] = [.. reachable];
        });
    }

    public int CountNeighbours(int i)
    {
        var count = 0;
        ForEachNeighbour(i, _ => count++);
        return count;
    }

    /// <summary>Calls <paramref name="visit"/> for every j != i with distance(i, j) &lt;= eps.</summary>
    public void ForEachNeighbour(int i, Action<int> visit)
    {
        var x = _points[i];
        foreach (var (group, toPivot) in _candidates[i])
        {
            var distances = _memberDistance[group];
            var members = _members[group];
            var stop = toPivot + _reach;
            for (var k = LowerBound(distances, toPivot - _reach); k < members.Length && distances[k] <= stop; k++)
            {
                var j = members[k];
                if (j != i && Dbscan.Distance(x, _points[j]) <= _eps)
                {
                    visit(j);
                }
            }
        }
    }

    /// <summary>Farthest-first traversal: each new pivot is the point farthest from all pivots so far.</summary>
    private static List<int> ChoosePivots(
        IReadOnlyList<float[]> points, float coverRadius, int maxPivots, ParallelOptions parallel, out int[] owner, out float[] ownerDistance)
    {
        var n = points.Count;
        var nearest = new float[n];
        var nearestPivot = new int[n];
        Array.Fill(nearest, float.MaxValue);
        var pivots = new List<int>();
        var next = 0;
        while (true)
        {
            var pivot = next;
            var index = pivots.Count;
            pivots.Add(pivot);
            Parallel.For(0, n, parallel, i =>
            {
                var d = Dbscan.Distance(points[i], points[pivot]);
                if (d < nearest[i])
                {
                    (nearest[i], nearestPivot[i]) = (d, index);
                }
            });

            next = 0;
            for (var i = 1; i < n; i++)
            {
                if (nearest[i] > nearest[next])
                {
                    next = i;
                }
            }

            if (nearest[next] <= coverRadius || pivots.Count >= maxPivots)
            {
                break;
            }
        }

        (owner, ownerDistance) = (nearestPivot, nearest);
        return pivots;
    }

    private static int LowerBound(float[] sorted, float value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
