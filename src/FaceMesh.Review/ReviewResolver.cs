using System.Collections.Immutable;
using FaceMesh.Engine.Clustering;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Review;

/// <summary>
/// Applies edits to a clustering: discards first, then faces moved by hand, then each cluster goes to the edited person
/// whose anchor is nearest its centroid (within <see cref="AnchorRadius"/>), else stays an untouched cluster.
/// </summary>
public static class ReviewResolver
{
    /// <summary>
    /// How far a cluster's centroid may lie from a person's anchor and still be that person. Measured on footage of the
    /// fixture photos: re-clustering at eps 0.35 or 0.4 splits people into parts whose centroids lie up to 0.31 from
    /// the whole's, while the centroids of two different people lie 0.70 or more apart. A cluster near two anchors goes
    /// to the nearer.
    /// </summary>
    public const float AnchorRadius = 0.4f;

    public static ResolvedReview Resolve(DatasetManifest manifest, ReviewEdits edits)
    {
        var clusterCentroids = ClusterCentroids(manifest);
        var clusterOwner = clusterCentroids.ToDictionary(pair => pair.Key, pair => NearestPerson(edits, pair.Value));
        var members = new Dictionary<string, List<int>>();
        var clustersOf = new Dictionary<string, SortedSet<int>>();
        var discardedPeople = edits.People.Where(p => p.Discarded).Select(p => p.Id).ToHashSet();
        List<int> noise = [], discarded = [], filtered = [];
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            var face = manifest.Faces[i];
            var cluster = manifest.Clusters[i];
            string? label = edits.Assignments.TryGetValue(face.Id, out var assigned) && (assigned == ReviewEdits.NoiseLabel || edits.Person(assigned) is not null)
                ? assigned
                : cluster >= 0 ? clusterOwner[cluster] ?? $"{ResolvedPerson.ClusterPrefix}{cluster}" : ReviewEdits.NoiseLabel;
            if (edits.Discarded.Contains(face.Id))
            {
                discarded.Add(i);
            }
            else if (!edits.Filter.Passes(face.Quality))
            {
                filtered.Add(i);
            }
            else if (label == ReviewEdits.NoiseLabel)
            {
                noise.Add(i);
            }
            else
            {
                (members.TryGetValue(label, out var list) ? list : members[label] = []).Add(i);
                if (cluster >= 0)
                {
                    (clustersOf.TryGetValue(label, out var set) ? set : clustersOf[label] = []).Add(cluster);
                }
            }
        }

        var all = members
            .Select(pair => new ResolvedPerson(pair.Key, edits.Person(pair.Key)?.Name, BestFirst(manifest, pair.Value),
                clustersOf.TryGetValue(pair.Key, out var set) ? [.. set] : [], Centroid(manifest, pair.Value), manifest.PeopleCount))
            .OrderByDescending(p => p.Faces.Count).ThenBy(p => p.Clusters.Count > 0 ? p.Clusters[0] : int.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        return new ResolvedReview(manifest, edits, [.. all.Where(p => !discardedPeople.Contains(p.Id))], [.. all.Where(p => discardedPeople.Contains(p.Id))],
            BestFirst(manifest, noise), discarded, filtered);
    }

    /// <summary>Mean descriptor of each cluster, summed in face order so the same clustering always gives the same floats.</summary>
    public static Dictionary<int, float[]> ClusterCentroids(DatasetManifest manifest)
    {
        var groups = Enumerable.Range(0, manifest.Faces.Count).Where(i => manifest.Clusters[i] >= 0).GroupBy(i => manifest.Clusters[i]);
        return groups.ToDictionary(g => g.Key, g => Centroid(manifest, [.. g]));
    }

    public static float[] Centroid(DatasetManifest manifest, IReadOnlyList<int> faces)
    {
        var length = manifest.Faces.Count > 0 ? manifest.Faces[0].Descriptor.Length : 0;
        var sum = new double[length];
        foreach (var i in faces)
        {
            var descriptor = manifest.Faces[i].Descriptor;
            for (var d = 0; d < length; d++)
            {
                sum[d] += descriptor[d];
            }
        }

        return [.. sum.Select(v => faces.Count == 0 ? 0f : (float)(v / faces.Count))];
    }

    private static string? NearestPerson(ReviewEdits edits, float[] centroid)
    {
        string? nearest = null;
        var best = AnchorRadius;
        foreach (var person in edits.People)
        {
            foreach (var anchor in person.Anchors)
            {
                var distance = Dbscan.Distance(anchor, centroid);
                if (distance <= best)
                {
                    (best, nearest) = (distance, person.Id);
                }
            }
        }

        return nearest;
    }

    private static ImmutableList<int> BestFirst(DatasetManifest manifest, List<int> faces) =>
        [.. faces.OrderByDescending(i => MontageBuilder.Rank(manifest.Faces[i].Quality)).ThenBy(i => i)];
}
