using System.CommandLine;
using FaceMesh.Engine.Models;
using FaceMesh.Models;
using FaceMesh.Pipeline;
using FaceMesh.Pipeline.Embedded;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh add DATASET VIDEO...</c>: more footage into a dataset; what is there is not encoded again.</summary>
public static class AddCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dataset") { Description = "A dataset folder written by facemesh run." };
        var videos = new Argument<string[]>("footage") { Description = "Videos or folders of videos to add.", Arity = ArgumentArity.OneOrMore };
        var threads = new Option<int>("--threads") { Description = "Frames encoded in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("add", "Add footage to a dataset with its own settings, then cluster the whole collection again (review edits are kept).")
        {
            folder, videos, threads, CommonOptions.Models,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var progress = new ProgressPrinter();
            try
            {
                var models = result.GetValue(CommonOptions.Models) ?? string.Empty;
                await new ModelInstaller(ModelFolder.At(models)).EnsureAsync(new InlineProgress<string>(Console.Error.WriteLine), cancellationToken);
                var summary = await CollectionAdder.AddAsync(result.GetValue(folder)!, result.GetValue(videos)!, result.GetValue(threads), models, progress, cancellationToken);
                progress.Finish();
                if (summary.AlreadyPresent.Count > 0)
                {
                    Console.WriteLine($"Already in the dataset (not encoded again): {string.Join(", ", summary.AlreadyPresent)}");
                }

                Console.WriteLine(summary.Added.Count > 0 ? $"Added: {string.Join(", ", summary.Added)}" : "Nothing new to add.");
                SummaryPrinter.Print(summary.Dataset);
                return ExitCodes.Success;
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                progress.Finish();
                return CommandFailure.Report(e, "write the dataset", cancelled: "cancelled: the dataset is unchanged.");
            }
        });
        return command;
    }
}
