namespace FaceMesh.Pipeline.Export;

/// <summary>
/// Stage 4: lays out a dataset folder from a manifest: portraits into <c>people/</c> by cluster, montages, YOLO labels,
/// <c>data.yaml</c> and <c>manifest.json</c>. Frames are expected under <c>images/</c> already.
/// </summary>
public static class DatasetExporter
{
    /// <param name="root">The dataset folder being built (a staging folder, moved into place by the caller).</param>
    /// <param name="portraitSource">Where each face's portrait is now, by face index.</param>
    /// <param name="move">Move the portraits (a fresh run) or copy them (re-clustering an existing dataset).</param>
    /// <param name="datasetPath">The folder the dataset will be in, for <c>data.yaml</c> (null: not known here).</param>
    public static void Export(string root, DatasetManifest manifest, Func<int, string> portraitSource, bool move, string? datasetPath, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var people = Path.Combine(root, DatasetPaths.People);
        Directory.CreateDirectory(Path.Combine(people, DatasetManifest.PersonName(-1)));
        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(root, manifest.CropPath(i));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (move)
            {
                File.Move(portraitSource(i), target, overwrite: true);
            }
            else
            {
                File.Copy(portraitSource(i), target, overwrite: true);
            }

            progress?.Report(i + 1);
        }

        WriteAllButPeople(root, manifest, i => Path.Combine(root, manifest.CropPath(i)), datasetPath, cancellationToken);
    }

    /// <summary>
    /// Montages, labels, <c>data.yaml</c> and <c>manifest.json</c>, the portraits the montages show read from
    /// <paramref name="portraitPath"/> (<see cref="MontageFaces"/> only): for an exporter that places <c>people/</c> itself.
    /// </summary>
    public static void WriteAllButPeople(string root, DatasetManifest manifest, Func<int, string> portraitPath, string? datasetPath, CancellationToken cancellationToken = default)
    {
        var montages = Directory.CreateDirectory(Path.Combine(root, DatasetPaths.Montages)).FullName;
        foreach (var (cluster, faces) in MontageFaces(manifest))
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllBytes(Path.Combine(montages, $"{DatasetManifest.PersonName(cluster)}.jpg"), MontageBuilder.Build([.. faces.Select(portraitPath)]));
        }

        WriteLabels(root, manifest);
        YoloLabels.WriteSplit(root, manifest.Frames, manifest.Parameters.ValFraction);
        File.WriteAllText(Path.Combine(root, DatasetPaths.DataYaml), YoloLabels.DataYaml(manifest.PeopleCount, datasetPath));
        using var stream = File.Create(Path.Combine(root, DatasetPaths.Manifest));
        ManifestJson.Write(stream, manifest);
    }

    /// <summary>The faces each person's montage shows (best ranked, varied), by face index.</summary>
    public static IEnumerable<(int Cluster, List<int> Faces)> MontageFaces(DatasetManifest manifest) =>
        Enumerable.Range(0, manifest.Faces.Count).Where(i => manifest.Clusters[i] >= 0).GroupBy(i => manifest.Clusters[i])
            .Select(cluster =>
            {
                var ranked = cluster.OrderByDescending(i => MontageBuilder.Rank(manifest.Faces[i].Quality)).ThenBy(i => i).ToList();
                return (cluster.Key, MontageBuilder.PickVaried(ranked, i => manifest.Faces[i].Descriptor));
            });

    private static void WriteLabels(string root, DatasetManifest manifest)
    {
        var labels = Directory.CreateDirectory(Path.Combine(root, DatasetPaths.Labels)).FullName;
        var facesByFrame = Enumerable.Range(0, manifest.Faces.Count).ToLookup(i => manifest.Faces[i].Frame);
        foreach (var frame in manifest.Frames)
        {
            var text = YoloLabels.ForFrame(frame, facesByFrame[frame.Index].Select(i => (manifest.Faces[i], manifest.Clusters[i])));
            File.WriteAllText(Path.Combine(labels, Path.ChangeExtension(frame.FileName, ".txt")), text);
        }
    }
}
