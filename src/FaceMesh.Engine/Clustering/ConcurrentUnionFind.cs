namespace FaceMesh.Engine.Clustering;

/// <summary>Lock-free union-find that always links the larger root under the smaller, so roots are component minima.</summary>
internal sealed class ConcurrentUnionFind
{
    private readonly int[] _parent;

    public ConcurrentUnionFind(int count) => _parent = Enumerable.Range(0, count).ToArray();

    public int Find(int x)
    {
        while (true)
        {
            var parent = Volatile.Read(ref _parent[x]);
            if (parent == x)
            {
                return x;
            }

            var grandparent = Volatile.Read(ref _parent[parent]);
            Interlocked.CompareExchange(ref _parent[x], grandparent, parent);
            x = grandparent;
        }
    }

    public void Union(int a, int b)
    {
        while (true)
        {
            a = Find(a);
            b = Find(b);
            if (a == b)
            {
                return;
            }

            var (low, high) = a < b ? (a, b) : (b, a);
            if (Interlocked.CompareExchange(ref _parent[high], low, high) == high)
            {
                return;
            }
        }
    }
}
