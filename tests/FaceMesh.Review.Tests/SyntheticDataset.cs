using FaceMesh.Engine.Clustering;
using FaceMesh.Engine.Imaging;
using FaceMesh.Engine.Quality;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review.Tests;

/// <summary>
/// Manifests built in memory: people as tight groups of 128-d descriptors around well separated centres, so what
/// DBSCAN and the review do with them is known exactly.
/// </summary>
internal static class SyntheticDataset
{
    /// <summary><paramref name="people"/>[k] faces of person k, one face per frame, person k's faces first.</summary>
    public static DatasetManifest Create(int[] people, float spread = 0.05f, int seed = 7)
    {
        var random = new Random(seed);
        var centres = people.Select(_ => RandomUnit(random, 0.6f)).ToList();
        var faces = new List<FaceRecord>();
        for (var person = 0; person < people.Length; person++)
        {
            for (var k = 0; k < people[person]; k++)
            {
                var frame = faces.Count;
                var descriptor = centres[person].Select(v => v + ((float)random.NextDouble() - 0.5f) * spread).ToArray();
                var size = 40 + (k * 10 % 120);
                faces.Add(new FaceRecord(FaceRecord.MakeId(frame, 0), frame, frame, new BoxF(10, 10, 10 + size, 10 + size),
                    [.. Enumerable.Repeat(20f, 136)],
                    new FaceQuality(size, 0.9f, 50 + k, 0.5f + (k % 5 * 0.1f)), descriptor));
            }
        }

        var manifest = new DatasetManifest(
            [new SourceInfo("synthetic.mp4", 640, 480, 1, faces.Count)],
            new RunParameters(1, "ssd", 0.5f, 20, 720, "rotated", 0.5f, 3, "synthetic"),
            [.. faces.Select(f => new FrameRecord(f.Frame, f.Frame, 640, 480))],
            faces,
            new int[faces.Count]);
        return Recluster(manifest, 0.5f);
    }

    public static DatasetManifest Recluster(DatasetManifest manifest, float eps, int minSamples = 2) =>
        manifest with
        {
            Parameters = manifest.Parameters with { Eps = eps, MinSamples = minSamples },
            Clusters = Dbscan.NumberBySize(Dbscan.Fit([.. manifest.Faces.Select(f => f.Descriptor)], eps, minSamples)),
        };

    /// <summary>The same clustering with cluster numbers permuted, as another run might number them.</summary>
    public static DatasetManifest Renumber(DatasetManifest manifest, Func<int, int> map) =>
        manifest with { Clusters = [.. manifest.Clusters.Select(c => c < 0 ? c : map(c))] };

    public static string[] FaceIds(DatasetManifest manifest, int fromFace, int count) =>
        [.. manifest.Faces.Skip(fromFace).Take(count).Select(f => f.Id)];

    private static float[] RandomUnit(Random random, float length)
    {
        var vector = Enumerable.Range(0, 128).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm * length)];
    }
}
