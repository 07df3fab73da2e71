using FaceMesh.Engine.Clustering;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review.Labelled;

/// <summary>
/// <c>--dedupe</c>: a track held still for 30 seconds is 30 copies of one pose, which teaches a model nothing and
/// weighs the person 30 times. Within each track the faces are taken best first (sharpest and most frontal, as the
/// montages rank them) and a face is kept only if it differs from every face kept before it by at least
/// <see cref="MinDistance"/>; untracked faces are all kept.
/// </summary>
public static class TrackDeduplication
{
    /// <summary>
    /// Descriptor distance below which two faces of one track count as the same picture: frames of a still shot lie
    /// within about 0.05 of each other, a head turning or a new expression 0.2 and more.
    /// </summary>
    public const float MinDistance = 0.15f;

    /// <summary>The faces (manifest indexes) to keep, in their given order.</summary>
    public static IReadOnlyList<int> Keep(DatasetManifest manifest, IReadOnlyList<int> faces)
    {
        var kept = new HashSet<int>();
        foreach (var track in faces.GroupBy(i => manifest.Faces[i].Track < 0 ? -1 - i : manifest.Faces[i].Track))
        {
            var chosen = new List<float[]>();
            foreach (var i in track.OrderByDescending(i => MontageBuilder.Rank(manifest.Faces[i].Quality)).ThenBy(i => i))
            {
                if (chosen.TrueForAll(d => Dbscan.Distance(d, manifest.Faces[i].Descriptor) >= MinDistance))
                {
                    chosen.Add(manifest.Faces[i].Descriptor);
                    kept.Add(i);
                }
            }
        }

        return [.. faces.Where(kept.Contains)];
    }
}
