using System.Diagnostics;
using FaceMesh.Engine;
using FaceMesh.Engine.Alignment;
using FaceMesh.Engine.Detection;
using FaceMesh.Engine.Models;
using FaceMesh.Pipeline.Clustering;
using FaceMesh.Pipeline.Encoding;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>
/// <c>facemesh add DATASET VIDEO...</c>: adds footage to a dataset without re-encoding what is there. The new videos
/// are encoded with the dataset's own settings, their frames numbered on from the last; then the whole collection is
/// clustered again and the dataset rebuilt in a staging folder and swapped in (new frames join <c>images/</c>, the
/// rest is replaced). The review's edits.json is not touched: people named, merged or moved keep their identity, since
/// edits are anchored to face ids and cluster centroids, never to cluster numbers.
/// </summary>
public static class CollectionAdder
{
    private static readonly string[] Rebuilt = [DatasetPaths.Labels, DatasetPaths.People, DatasetPaths.Montages, DatasetPaths.TrainList, DatasetPaths.ValList, DatasetPaths.DataYaml, DatasetPaths.Manifest];

    public static async Task<AddSummary> AddAsync(string datasetFolder, IEnumerable<string> inputs, int threads, string modelsPath,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var old = ExistingDataset.Read(datasetFolder);
        if (old.Parameters.Models != ModelFolder.Release)
        {
            throw new InvalidDataException(
                $"{datasetFolder} was made with models {old.Parameters.Models}, these are {ModelFolder.Release}: descriptors of the two cannot be clustered together (run the collection again).");
        }

        var present = old.Sources.Select(s => s.File).ToHashSet(StringComparer.Ordinal);
        var videos = FootageInputs.Expand(inputs);
        var skipped = videos.Where(v => present.Contains(Path.GetFileName(v))).ToList();
        var added = videos.Except(skipped).ToList();
        if (added.Count == 0)
        {
            return new AddSummary(EmbeddedPipeline.Summary(Path.GetFullPath(datasetFolder), old, clock, new RunTiming()), [], skipped.Select(Path.GetFileName).ToList()!);
        }

        var options = EngineOptions(old.Parameters, modelsPath);
        var output = OutputFolder.Prepare(datasetFolder, force: true);
        var engines = new List<FaceEngine>();
        try
        {
            for (var i = 0; i < Math.Max(1, threads); i++)
            {
                engines.Add(FaceEngine.Open(options));
            }

            var timing = new RunTiming();
            var sampling = new SamplingPlan(TimeSpan.FromSeconds(old.Parameters.IntervalSeconds), old.Parameters.TrackIntervalSeconds is { } track ? TimeSpan.FromSeconds(track) : null);
            var footage = await new FootageEncoder(engines, sampling, output.Staging, timing, progress).EncodeAsync(added, old.Sources.Count, old.NextFrameIndex, old.NextTrack, cancellationToken);
            List<FaceRecord> faces = [.. old.Faces, .. footage.Faces];
            var clustering = new ClusteringOptions { Eps = old.Parameters.Eps, MinSamples = old.Parameters.MinSamples };
            var clusters = timing.Clustering.Measure(() => FaceClustering.Assign(faces, clustering));
            var manifest = new DatasetManifest([.. old.Sources, .. footage.Sources], old.Parameters, [.. old.Frames, .. footage.Frames], faces, clusters);
            var staged = Path.Combine(output.Staging, DatasetPaths.Staging);
            EmbeddedPipeline.Export(output, manifest,
                i => i < old.Faces.Count ? Path.Combine(output.Destination, old.CropPath(i)) : Path.Combine(staged, $"{faces[i].Id}.jpg"),
                move: false, timing, progress, cancellationToken, () => output.CommitAdding(DatasetPaths.Images, Rebuilt));
            return new AddSummary(EmbeddedPipeline.Summary(output.Destination, manifest, clock, timing), added.Select(Path.GetFileName).ToList()!, skipped.Select(Path.GetFileName).ToList()!);
        }
        catch
        {
            output.Abandon();
            throw;
        }
        finally
        {
            engines.ForEach(e => e.Dispose());
        }
    }

    /// <summary>The engine settings the dataset was made with, so new footage is encoded the same way.</summary>
    private static FaceEngineOptions EngineOptions(RunParameters parameters, string modelsPath)
    {
        var options = new FaceEngineOptions
        {
            Detector = Enum.Parse<DetectorKind>(parameters.Detector, ignoreCase: true),
            Precision = EngineParameters.ParsePrecision(parameters.Precision),
            MinConfidence = parameters.MinConfidence,
            MinFaceSize = parameters.MinFaceSize,
            TileSize = parameters.TileSize,
            Alignment = Enum.Parse<AlignmentMode>(parameters.Alignment, ignoreCase: true),
            ModelsPath = modelsPath,
        };
        options.Validate();
        return options;
    }
}

/// <summary>What <c>facemesh add</c> did: the dataset now, and which videos were added or already there.</summary>
public sealed record AddSummary(RunSummary Dataset, IReadOnlyList<string> Added, IReadOnlyList<string> AlreadyPresent);
