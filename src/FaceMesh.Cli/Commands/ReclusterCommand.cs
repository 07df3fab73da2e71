using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using FaceMesh.Pipeline.Embedded;
using FaceMesh.Pipeline.Export;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh recluster DIR --eps E [--min-samples N]</c>: new clusters from the manifest, no re-encoding.</summary>
public static class ReclusterCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dataset") { Description = "A dataset folder written by facemesh run." };
        var command = new Command("recluster", "Re-cluster a dataset from its manifest's descriptors, without re-encoding.")
        {
            folder, ClusteringOptionsCli.Eps, ClusteringOptionsCli.MinSamples,
        };
        command.SetAction((result, cancellationToken) =>
        {
            try
            {
                var summary = Reclusterer.Recluster(result.GetValue(folder)!, ClusteringOptionsCli.From(result), cancellationToken);
                SummaryPrinter.Print(summary);
                return Task.FromResult(ExitCodes.Success);
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                return Task.FromResult(CommandFailure.Report(e, "write the dataset", cancelled: "cancelled: the dataset is unchanged."));
            }
        });
        return command;
    }
}
