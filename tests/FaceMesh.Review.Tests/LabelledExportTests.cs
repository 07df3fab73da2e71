using System.Text.Json;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review;
using FaceMesh.Review.Labelled;
using FaceMesh.Storage;

namespace FaceMesh.Review.Tests;

[Collection(RealDatasetCollection.Name)]
public sealed class LabelledExportTests(RealDataset dataset)
{
    private static async Task<ResolvedReview> Edit(string folder, params Func<ResolvedReview, ReviewEdits>[] actions)
    {
        using var session = new ReviewSession(new LocalFolderObjectStore(folder), string.Empty, "test");
        ResolvedReview review = await session.GetAsync();
        foreach (var action in actions)
        {
            review = await session.ApplyAsync(action);
        }

        return review;
    }

    private static string Output() => Path.Combine(Directory.CreateTempSubdirectory("facemesh-export-").FullName, "out");

    [Fact]
    public async Task ImageFolder_HasOneFolderPerName_WithThatPersonsPortraits()
    {
        var folder = dataset.Copy();
        var review = await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "Ann"), r => ReviewCommands.Name(r, r.People[1].Id, "Ben"));
        var output = Output();

        var summary = LabelledExporter.Export(folder, output, new LabelledExportOptions(LabelledFormat.ImageFolder));

        Assert.Equal(["Ann", "Ben"], Directory.GetDirectories(output).Select(Path.GetFileName).Order());
        foreach (var person in review.People.Take(2))
        {
            var expected = person.Faces.Select(i => $"{review.Manifest.Faces[i].Id}.jpg").Order();
            Assert.Equal(expected, Directory.GetFiles(Path.Combine(output, person.Name!)).Select(Path.GetFileName).Order());
        }

        Assert.Equal(review.People[0].Faces.Count + review.People[1].Faces.Count, summary.Faces);
    }

    [Fact]
    public async Task UnnamedPeople_AndDiscardedFaces_AreLeftOut_UnlessAskedFor()
    {
        var folder = dataset.Copy();
        var review = await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "Ann"));
        var discarded = review.People[0].Faces[0];
        review = await Edit(folder, r => ReviewCommands.Discard(r, [r.Manifest.Faces[discarded].Id]));

        var plain = LabelledExporter.Export(folder, Output(), new LabelledExportOptions(LabelledFormat.ImageFolder));
        var everything = LabelledExporter.Export(folder, Output(), new LabelledExportOptions(LabelledFormat.ImageFolder, IncludeUnnamed: true, IncludeDiscarded: true));

        Assert.Equal(["Ann"], plain.Classes.Select(c => c.Name));
        Assert.DoesNotContain(discarded, plain.Classes[0].Faces);
        Assert.Equal(review.People.Count, everything.Classes.Count);
        Assert.Contains(discarded, everything.Classes.Single(c => c.Name == "Ann").Faces);
    }

    [Fact]
    public async Task Dedupe_KeepsTheBestFaceOfEachStillTrack_AndOnlyForImageFolder()
    {
        // The fixture footage holds each photo still for three seconds: three near-identical faces in one track.
        var folder = dataset.Copy();
        var review = await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "Ann"));
        var manifest = review.Manifest;

        var all = LabelledExporter.Export(folder, Output(), new LabelledExportOptions(LabelledFormat.ImageFolder));
        var output = Output();
        var deduped = LabelledExporter.Export(folder, output, new LabelledExportOptions(LabelledFormat.ImageFolder, Dedupe: true));

        var tracks = all.Classes[0].Faces.GroupBy(i => manifest.Faces[i].Track).ToList();
        Assert.True(tracks.Count < all.Faces, "the footage gives tracks of several faces");
        Assert.Equal(tracks.Count, deduped.Faces);
        foreach (var track in tracks)
        {
            var best = track.OrderByDescending(i => MontageBuilder.Rank(manifest.Faces[i].Quality)).ThenBy(i => i).First();
            Assert.True(File.Exists(Path.Combine(output, "Ann", $"{manifest.Faces[best].Id}.jpg")));
        }

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() =>
            LabelledExporter.Export(folder, Output(), new LabelledExportOptions(LabelledFormat.Yolo, Dedupe: true)));
    }

    [Fact]
    public async Task HostileNames_StayInsideTheExport()
    {
        var folder = dataset.Copy();
        await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "../../escaped"), r => ReviewCommands.Name(r, r.People[1].Id, "a/b\\c:d"));
        var output = Output();

        var summary = LabelledExporter.Export(folder, output, new LabelledExportOptions(LabelledFormat.ImageFolder));

        Assert.False(Directory.Exists(Path.Combine(output, "..", "..", "escaped")));
        Assert.All(summary.Classes, c => Assert.Equal(output, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(output, c.Folder)))));
        Assert.Equal(["a_b_c_d", ".._.._escaped"], summary.Classes.Select(c => c.Folder).OrderDescending());
    }

    [Fact]
    public async Task Yolo_LabelsUseTheClassIndexOfEachName()
    {
        var folder = dataset.Copy();
        var review = await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "Zed"), r => ReviewCommands.Name(r, r.People[1].Id, "Amy"));
        var output = Output();

        LabelledExporter.Export(folder, output, new LabelledExportOptions(LabelledFormat.Yolo));

        var yaml = File.ReadAllText(Path.Combine(output, DatasetPaths.DataYaml));
        Assert.Contains("nc: 2", yaml, StringComparison.Ordinal);
        Assert.Contains($"path: \"{Path.GetFullPath(output)}\"", yaml, StringComparison.Ordinal);
        var listed = File.ReadAllLines(Path.Combine(output, DatasetPaths.TrainList)).Concat(File.ReadAllLines(Path.Combine(output, DatasetPaths.ValList)));
        Assert.Equal(Directory.GetFiles(Path.Combine(output, DatasetPaths.Images)).Select(f => $"./images/{Path.GetFileName(f)}").Order(), listed.Order());
        Assert.Contains("0: \"Amy\"", yaml, StringComparison.Ordinal);
        Assert.Contains("1: \"Zed\"", yaml, StringComparison.Ordinal);
        var lines = Directory.GetFiles(Path.Combine(output, DatasetPaths.Labels)).SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(review.People[1].Faces.Count, lines.Count(l => l.StartsWith("0 ", StringComparison.Ordinal)));
        Assert.Equal(review.People[0].Faces.Count, lines.Count(l => l.StartsWith("1 ", StringComparison.Ordinal)));
        var images = Directory.GetFiles(Path.Combine(output, DatasetPaths.Images)).Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(images.Order(), Directory.GetFiles(Path.Combine(output, DatasetPaths.Labels)).Select(Path.GetFileNameWithoutExtension).Order());
    }

    [Fact]
    public async Task Coco_HasImagesAnnotationsAndCategories_WithBoxesInsideTheirImages()
    {
        var folder = dataset.Copy();
        var review = await Edit(folder, r => ReviewCommands.Name(r, r.People[0].Id, "Ann"));
        var output = Output();

        LabelledExporter.Export(folder, output, new LabelledExportOptions(LabelledFormat.Coco));

        using var coco = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, LabelledDetections.CocoFile)));
        var images = coco.RootElement.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt32());
        var annotations = coco.RootElement.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal("Ann", coco.RootElement.GetProperty("categories")[0].GetProperty("name").GetString());
        Assert.Equal(review.People[0].Faces.Count, annotations.Count);
        Assert.All(annotations, a =>
        {
            var image = images[a.GetProperty("image_id").GetInt32()];
            var box = a.GetProperty("bbox").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            Assert.True(box[2] > 0 && box[0] + box[2] <= image.GetProperty("width").GetInt32());
            Assert.True(File.Exists(Path.Combine(output, image.GetProperty("file_name").GetString()!)));
        });
    }

    [Fact]
    public void Export_IntoAFolderThatIsNotAnEarlierExport_IsRefused()
    {
        var output = Output();
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "precious.txt"), "keep me");

        var error = Assert.Throws<OutputFolderException>(() =>
            LabelledExporter.Export(dataset.Folder, output, new LabelledExportOptions(LabelledFormat.ImageFolder, IncludeUnnamed: true, Force: true)));

        Assert.Contains("not an earlier FaceMesh export", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(output, "precious.txt")));
    }

    [Fact]
    public void Export_WithForce_ReplacesAnEarlierExport()
    {
        var output = Output();
        LabelledExporter.Export(dataset.Folder, output, new LabelledExportOptions(LabelledFormat.ImageFolder, IncludeUnnamed: true));

        var again = LabelledExporter.Export(dataset.Folder, output, new LabelledExportOptions(LabelledFormat.Yolo, IncludeUnnamed: true, Force: true));

        Assert.True(File.Exists(Path.Combine(output, DatasetPaths.DataYaml)));
        Assert.DoesNotContain(Directory.GetDirectories(output).Select(Path.GetFileName), name => name!.StartsWith("person_", StringComparison.Ordinal));
        Assert.NotEmpty(again.Classes);
    }
}
