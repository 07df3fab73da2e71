using System.ComponentModel.DataAnnotations;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review;

namespace FaceMesh.Review.Labelled;

/// <summary>
/// <c>facemesh export</c>: the reviewed dataset with names as class names. Written to a staging folder and moved into
/// place complete; an existing destination is replaced only when it is an earlier FaceMesh export.
/// </summary>
public static class LabelledExporter
{
    public const string Marker = ".facemesh-export";

    public static LabelledExportSummary Export(string datasetFolder, string output, LabelledExportOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Dedupe && options.Format != LabelledFormat.ImageFolder)
        {
            throw new ValidationException("--dedupe applies to imagefolder exports: yolo and coco label whole frames and keep every face in them.");
        }

        var review = Load(datasetFolder, options);
        var classes = Classes(review, options);
        var destination = Path.GetFullPath(output);
        RequireEarlierExport(destination, options.Force);
        var folder = OutputFolder.Prepare(destination, options.Force);
        try
        {
            switch (options.Format)
            {
                case LabelledFormat.ImageFolder:
                    WriteImageFolder(datasetFolder, folder.Staging, review.Manifest, classes, cancellationToken);
                    break;
                case LabelledFormat.Yolo:
                    LabelledDetections.WriteYolo(datasetFolder, folder.Staging, folder.Destination, review.Manifest, classes, cancellationToken);
                    break;
                default:
                    LabelledDetections.WriteCoco(datasetFolder, folder.Staging, review.Manifest, classes, cancellationToken);
                    break;
            }

            File.WriteAllText(Path.Combine(folder.Staging, Marker), $"{options.Format}\n");
            folder.CommitWhole();
            return new LabelledExportSummary(destination, classes, classes.Sum(c => c.Faces.Count));
        }
        catch
        {
            folder.Abandon();
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
            .Select((g, index) => new LabelledClass(index, g.Key, folders[g.Key], Faces(review, [.. g.SelectMany(p => p.Faces).Order()], options)))];
    }

    private static IReadOnlyList<int> Faces(ResolvedReview review, IReadOnlyList<int> faces, LabelledExportOptions options) =>
        options.Dedupe ? TrackDeduplication.Keep(review.Manifest, faces) : faces;

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

    private static void WriteImageFolder(string datasetFolder, string staging, DatasetManifest manifest, IReadOnlyList<LabelledClass> classes, CancellationToken cancellationToken)
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
    }

    /// <summary>With --force a non-empty destination is replaced whole, so it must be an earlier export.</summary>
    private static void RequireEarlierExport(string destination, bool force)
    {
        if (force && Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any() && !File.Exists(Path.Combine(destination, Marker)))
        {
            throw new OutputFolderException($"{destination} is not an earlier FaceMesh export; choose an empty folder.");
        }
    }
}
