using FaceMesh.Engine.Clustering;

namespace FaceMesh.Pipeline.Clustering;

/// <summary>
/// Stage 3: DBSCAN over the descriptors, then the faces of one track (<see cref="FaceRecord.Track"/>) made one person;
/// clusters numbered by size, largest first; -1 is noise.
/// </summary>
public static class FaceClustering
{
    public static int[] Assign(IReadOnlyList<FaceRecord> faces, ClusteringOptions options)
    {
        options.Validate();
        var labels = Dbscan.Fit(faces.Select(f => f.Descriptor).ToList(), options.Eps, options.MinSamples);
        return Dbscan.NumberBySize(KeepTracksTogether(labels, faces));
    }

    /// <summary>
    /// A track is one person seen in consecutive frames of a shot, whatever the descriptors say (a head turning to
    /// profile drifts from its frontal faces): each track's faces all take the cluster most of its clustered faces
    /// are in (the lower number on a tie). A track DBSCAN left wholly in noise stays noise.
    /// </summary>
    private static int[] KeepTracksTogether(int[] labels, IReadOnlyList<FaceRecord> faces)
    {
        foreach (var track in Enumerable.Range(0, faces.Count).Where(i => faces[i].Track >= 0).GroupBy(i => faces[i].Track))
        {
            var cluster = track.Where(i => labels[i] >= 0).GroupBy(i => labels[i])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
            if (cluster is { } keep)
            {
                foreach (var i in track)
                {
                    labels[i] = keep;
                }
            }
        }

        return labels;
    }
}
