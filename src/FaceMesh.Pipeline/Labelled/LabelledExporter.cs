using FaceMesh.Pipeline.Export;
using FaceMesh.Pipeline.Review;

namespace FaceMesh.Pipeline.Labelled;

/// <summary>
/// <c>facemesh export</c>: the reviewed dataset with names as class names. Written to a staging folder and moved into
/// place complete; an existing destination is replaced only when it is an earlier FaceMesh export.
/// </summary>
public static class LabelledExporter
{
    public const string Marker = ".facemesh-export";

    public static LabelledExportSummary Export(string datasetFolder, string output, LabelledExportOptions options, CancellationToken cancellationToken = default)
    {
        var review = Load(datasetFolder, options);
        var classes = Classes(review, options);
        var destination = Path.GetFullPath(output);
        CheckDestination(destination, options.Force);
        var staging = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.facemesh-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var images = options.Format switch
            {
                LabelledFormat.ImageFolder => WriteImageFolder(datasetFolder, staging, review.Manifest, classes, cancellationToken),
                LabelledFormat.Yolo => LabelledDetections.WriteYolo(datasetFolder, staging, review.Manifest, classes, cancellationToken),
                _ => LabelledDetections.WriteCoco(datasetFolder, staging, review.Manifest, classes, cancellationToken),
            };
            File.WriteAllText(Path.Combine(staging, Marker), $"{options.Format}\n");
            Replace(destination, staging);
            return new LabelledExportSummary(destination, classes, classes.Sum(c => c.Faces.Count), images);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Named people (and, if asked, unnamed ones) as classes; two people given one name are one class.</summary>
    public static IReadOnlyList<LabelledClass> Classes(ResolvedReview review, LabelledExportOptions options)
    {
        var people = review.People.Where(p => p.Name is not null || options.IncludeUnnamed).ToList();
        var folders = ClassFolders.Assign(people.Select(p => p.DisplayName));
        return [.. people.GroupBy(p => p.DisplayName, StringComparer.Ordinal)
            .OrderBy(g => folders[g.Key], StringComparer.Ordinal)
            .Select((g, index) => new LabelledClass(index, g.Key, folders[g.Key], [.. g.SelectMany(p => p.Faces).Order()]))];
    }

    private static ResolvedReview Load(string datasetFolder, LabelledExportOptions options)
    {
        var manifestPath = Path.Combine(datasetFolder, DatasetPaths.Manifest);
        if (!File.Exists(manifestPath))
        {
            throw new OutputFolderException($"{datasetFolder} is not a FaceMesh dataset (no {DatasetPaths.Manifest}).");
        }

        var editsPath = Path.Combine(datasetFolder, ReviewSession.EditsFile);
        var edits = File.Exists(editsPath) ? ReviewEditsJson.Deserialize(File.ReadAllBytes(editsPath)) : ReviewEdits.Empty;
        if (options.IncludeDiscarded)
        {
            edits = edits with { Discarded = [], Filter = QualityFilter.None };
        }

        return ReviewResolver.Resolve(ManifestJson.Read(manifestPath), edits);
    }

    private static int WriteImageFolder(string datasetFolder, string staging, DatasetManifest manifest, IReadOnlyList<LabelledClass> classes, CancellationToken cancellationToken)
    {
        foreach (var labelledClass in classes)
        {
            var folder = Directory.CreateDirectory(Path.Combine(staging, labelledClass.Folder)).FullName;
            foreach (var face in labelledClass.Faces)
            {
                cancellationToken.ThrowIfCancellationRequested();
                File.Copy(Path.Combine(datasetFolder, manifest.CropPath(face)), Path.Combine(folder, $"{manifest.Faces[face].Id}.jpg"));
            }
        }

        return classes.Sum(c => c.Faces.Count);
    }

    private static void CheckDestination(string destination, bool force)
    {
        if (File.Exists(destination))
        {
            throw new OutputFolderException($"{destination} is a file, not a folder.");
        }

        if (!Directory.Exists(destination) || !Directory.EnumerateFileSystemEntries(destination).Any())
        {
            return;
        }

        if (!force)
        {
            throw new OutputFolderException($"{destination} is not empty (use --force to replace an earlier export).");
        }

        if (!File.Exists(Path.Combine(destination, Marker)))
        {
            throw new OutputFolderException($"{destination} is not an earlier FaceMesh export; choose an empty folder.");
        }
    }

    private static void Replace(string destination, string staging)
    {
        var old = Directory.Exists(destination) ? $"{staging}.old" : null;
        if (old is not null)
        {
            Directory.Move(destination, old);
        }

        Directory.Move(staging, destination);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
