using FaceMesh.Engine.Clustering;

namespace FaceMesh.Pipeline.Clustering;

/// <summary>Stage 3: DBSCAN over the descriptors; clusters numbered by size, largest first; -1 is noise.</summary>
public static class FaceClustering
{
    public static int[] Assign(IReadOnlyList<FaceRecord> faces, ClusteringOptions options)
    {
        options.Validate();
        return Dbscan.NumberBySize(Dbscan.Fit(faces.Select(f => f.Descriptor).ToList(), options.Eps, options.MinSamples));
    }
}
