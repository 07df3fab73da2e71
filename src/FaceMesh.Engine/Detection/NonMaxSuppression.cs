namespace FaceMesh.Engine.Detection;

/// <summary>Greedy non-maximum suppression: keep the best box, drop every box that overlaps a kept one too much.</summary>
public static class NonMaxSuppression
{
    public static List<FaceDetection> Apply(IEnumerable<FaceDetection> detections, float iouThreshold, int maxResults = int.MaxValue)
    {
        var ordered = detections.OrderByDescending(d => d.Score).ToList();
        var kept = new List<FaceDetection>();
        foreach (var candidate in ordered)
        {
            if (kept.Count >= maxResults)
            {
                break;
            }

            var suppressed = false;
            foreach (var selected in kept)
            {
                if (candidate.Box.IntersectionOverUnion(selected.Box) > iouThreshold)
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
}
