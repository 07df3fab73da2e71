using System.Diagnostics;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// <c>facemesh recluster</c>: new DBSCAN parameters over the manifest's descriptors, no re-encoding. Rebuilds people,
/// montages, labels, data.yaml and manifest.json in a staging folder and swaps them in; frames are left untouched.
/// </summary>
public static class Reclusterer
{
    private static readonly string[] Rebuilt = [DatasetPaths.People, DatasetPaths.Montages, DatasetPaths.Labels, DatasetPaths.TrainList, DatasetPaths.ValList, DatasetPaths.DataYaml, DatasetPaths.Manifest];

    public static RunSummary Recluster(string datasetFolder, ClusteringOptions clustering, CancellationToken cancellationToken = default)
    {
        clustering.Validate();
        var clock = Stopwatch.StartNew();
        var old = ExistingDataset.Read(datasetFolder);

        var clusterClock = new StageClock();
        var clusters = clusterClock.Measure(() => FaceClustering.Assign(old.Faces, clustering));
        var manifest = old with
        {
            Parameters = old.Parameters with { Eps = clustering.Eps, MinSamples = clustering.MinSamples },
            Clusters = clusters,
        };

        var output = OutputFolder.Prepare(datasetFolder, force: true);
        var exportClock = new StageClock();
        try
        {
            exportClock.Measure(() =>
            {
                DatasetExporter.Export(output.Staging, manifest, i => Path.Combine(datasetFolder, old.CropPath(i)), move: false, output.Destination, cancellationToken: cancellationToken);
                output.Commit(Rebuilt);
                return 0;
            });
        }
        catch
        {
            output.Abandon();
            throw;
        }

        return new RunSummary(output.Destination, manifest.Frames.Count, manifest.Faces.Count, manifest.PeopleCount, manifest.NoiseCount,
            clock.Elapsed, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, clusterClock.Total, exportClock.Total);
    }
}
