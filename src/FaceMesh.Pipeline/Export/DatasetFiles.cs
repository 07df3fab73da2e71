namespace FaceMesh.Pipeline.Export;

/// <summary>The files of a dataset as its manifest names them (relative paths), the manifest itself and edits aside.</summary>
public static class DatasetFiles
{
    public static IEnumerable<string> Of(DatasetManifest manifest)
    {
        foreach (var frame in manifest.Frames)
        {
            yield return $"{DatasetPaths.Images}/{frame.FileName}";
            yield return $"{DatasetPaths.Labels}/{Path.ChangeExtension(frame.FileName, ".txt")}";
        }

        for (var i = 0; i < manifest.Faces.Count; i++)
        {
            yield return manifest.CropPath(i);
        }

        foreach (var cluster in Enumerable.Range(0, manifest.PeopleCount))
        {
            yield return $"{DatasetPaths.Montages}/{DatasetManifest.PersonName(cluster)}.jpg";
        }

        yield return DatasetPaths.TrainList;
        yield return DatasetPaths.ValList;
        yield return DatasetPaths.DataYaml;
    }
}
