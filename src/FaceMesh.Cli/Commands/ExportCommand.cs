using System.CommandLine;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review.Labelled;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh export DIR --format imagefolder|yolo|coco -o OUT</c>: the reviewed dataset, names as classes.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dataset") { Description = "A dataset folder written by facemesh run (and reviewed)." };
        var format = new Option<string>("--format") { Description = "imagefolder (torchvision), yolo or coco.", Required = true };
        format.AcceptOnlyFromAmong("imagefolder", "yolo", "coco");
        var output = new Option<string>("--output", "-o") { Description = "Folder to write (empty, or an earlier export with --force).", Required = true };
        var unnamed = new Option<bool>("--include-unnamed") { Description = "Also export people nobody named, under placeholder names." };
        var discarded = new Option<bool>("--include-discarded") { Description = "Keep discarded faces and faces the quality filter drops." };
        var force = new Option<bool>("--force") { Description = "Replace an earlier FaceMesh export in the output folder." };
        var dedupe = new Option<bool>("--dedupe") { Description = "imagefolder: keep one face per pose of each track (the sharpest, most frontal), not every frame of a still shot." };
        var command = new Command("export", "Write the reviewed dataset as ImageFolder, YOLO or COCO with names as class names.")
        {
            folder, format, output, unnamed, discarded, force, dedupe,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new LabelledExportOptions(
                Enum.Parse<LabelledFormat>(result.GetValue(format)!, ignoreCase: true),
                result.GetValue(unnamed), result.GetValue(discarded), result.GetValue(force), result.GetValue(dedupe));
            try
            {
                var summary = LabelledExporter.Export(result.GetValue(folder)!, result.GetValue(output)!, options, cancellationToken);
                Console.WriteLine($"Exported {Counted.Faces(summary.Faces)} of {Counted.People(summary.Classes.Count)} ({string.Join(", ", summary.Classes.Select(c => c.Name))}) to {summary.Output}");
                if (summary.Classes.Count == 0)
                {
                    Console.Error.WriteLine("note: nobody is named yet; name people with facemesh review, or pass --include-unnamed.");
                }

                return Task.FromResult(ExitCodes.Success);
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                return Task.FromResult(CommandFailure.Report(e, "write the export", ioExitCode: ExitCodes.BadInput));
            }
        });
        return command;
    }
}
