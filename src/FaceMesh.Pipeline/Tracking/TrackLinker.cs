using FaceMesh.Engine.Clustering;

namespace FaceMesh.Pipeline.Tracking;

/// <summary>
/// Links faces of consecutive sampled frames of one shot into tracks: the pair must overlap (IoU at least
/// <see cref="MinOverlap"/>) and look alike (descriptor distance at most <see cref="MaxDistance"/>, looser than the
/// clustering's eps so a head turning between two samples stays linked); each face links to at most one face of the
/// next frame, the best-overlapping first. Tracks never cross a shot cut or a video.
/// </summary>
public static class TrackLinker
{
    public const float MinOverlap = 0.3f;
    public const float MaxDistance = 0.75f;

    /// <summary>
    /// Sets <see cref="FaceRecord.Track"/> on the faces of <paramref name="frames"/> (one video, in order): ids from
    /// <paramref name="firstTrack"/> in order of first appearance, a single face its own track. Returns the next free id.
    /// </summary>
    public static int Link(IReadOnlyList<FrameRecord> frames, List<FaceRecord> faces, int firstTrack)
    {
        var byFrame = Enumerable.Range(0, faces.Count).ToLookup(i => faces[i].Frame);
        var parent = Enumerable.Range(0, faces.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var f = 1; f < frames.Count; f++)
        {
            if (frames[f].Shot != frames[f - 1].Shot || frames[f].Source != frames[f - 1].Source)
            {
                continue;
            }

            var pairs = (from a in byFrame[frames[f - 1].Index]
                         from b in byFrame[frames[f].Index]
                         let overlap = faces[a].Box.IntersectionOverUnion(faces[b].Box)
                         where overlap >= MinOverlap && Dbscan.Distance(faces[a].Descriptor, faces[b].Descriptor) <= MaxDistance
                         orderby overlap descending
                         select (a, b)).ToList();
            var linkedBefore = new HashSet<int>();
            var linkedAfter = new HashSet<int>();
            foreach (var (a, b) in pairs)
            {
                if (!linkedBefore.Contains(a) && !linkedAfter.Contains(b))
                {
                    linkedBefore.Add(a);
                    linkedAfter.Add(b);
                    parent[Root(b)] = Root(a);
                }
            }
        }

        var ids = new Dictionary<int, int>();
        var next = firstTrack;
        for (var i = 0; i < faces.Count; i++)
        {
            if (!ids.TryGetValue(Root(i), out var id))
            {
                ids[Root(i)] = id = next++;
            }

            faces[i] = faces[i] with { Track = id };
        }

        return next;
    }
}
