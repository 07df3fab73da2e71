namespace FaceMesh.Engine.Detection;

/// <summary>Greedy non-maximum suppression: keep the best box, drop every box that overlaps a kept one too much.</summary>
public static class NonMaxSuppression
{
    /// <param name="containmentThreshold">
    /// Also drop a box when this share of its area lies inside a kept box (a face half-seen at a tile edge);
    /// 1 or more disables the check.
    /// </param>
    public static List<FaceDetection> Apply(
        IEnumerable<FaceDetection> detections, float iouThreshold, int maxResults = int.MaxValue, float containmentThreshold = 1f) =>
        Keep([], detections, iouThreshold, maxResults, containmentThreshold);

    /// <summary>
    /// Keeps every one of <paramref name="preferred"/> (already suppressed among themselves) and adds the best of
    /// <paramref name="others"/> that none of them overlaps, as <see cref="Apply"/> would.
    /// </summary>
    public static List<FaceDetection> Merge(
        IEnumerable<FaceDetection> preferred, IEnumerable<FaceDetection> others, float iouThreshold, float containmentThreshold = 1f) =>
        Keep([.. preferred], others, iouThreshold, int.MaxValue, containmentThreshold);

    private static List<FaceDetection> Keep(
        List<FaceDetection> kept, IEnumerable<FaceDetection> detections, float iouThreshold, int maxResults, float containmentThreshold)
    {
        foreach (var candidate in detections.OrderByDescending(d => d.Score))
        {
            if (kept.Count >= maxResults)
            {
                break;
            }

            var suppressed = false;
            foreach (var selected in kept)
            {
                if (candidate.Box.IntersectionOverUnion(selected.Box) > iouThreshold
                    || (containmentThreshold < 1f && Containment(candidate.Box, selected.Box) > containmentThreshold))
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private static float Containment(Imaging.BoxF inner, Imaging.BoxF outer)
    {
        var w = Math.Min(inner.Right, outer.Right) - Math.Max(inner.Left, outer.Left);
        var h = Math.Min(inner.Bottom, outer.Bottom) - Math.Max(inner.Top, outer.Top);
        return w <= 0 || h <= 0 || inner.Area <= 0 ? 0 : w * h / inner.Area;
    }
}
