using FaceMesh.Pipeline.Export;

namespace FaceMesh.Pipeline.Embedded;

/// <summary>A dataset folder about to be rebuilt (re-clustered, or added to): its manifest, checked against its files.</summary>
internal static class ExistingDataset
{
    public static DatasetManifest Read(string datasetFolder)
    {
        var manifestPath = Path.Combine(datasetFolder, DatasetPaths.Manifest);
        if (!File.Exists(manifestPath))
        {
            throw new OutputFolderException($"{datasetFolder} is not a FaceMesh dataset (no {DatasetPaths.Manifest}).");
        }

        var manifest = ManifestJson.Read(manifestPath);
        var missing = Enumerable.Range(0, manifest.Faces.Count).Select(manifest.CropPath).FirstOrDefault(p => !File.Exists(Path.Combine(datasetFolder, p)));
        return missing is null ? manifest : throw new OutputFolderException($"{datasetFolder}: portrait {missing} listed in the manifest is missing.");
    }
}
