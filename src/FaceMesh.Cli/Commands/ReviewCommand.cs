using System.CommandLine;
using FaceMesh.Pipeline.Export;
using FaceMesh.Review;
using FaceMesh.Review.Web;
using FaceMesh.Storage;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh review DIR [--port N]</c>: the review page over a dataset folder, on 127.0.0.1 until Ctrl+C.</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dataset") { Description = "A dataset folder written by facemesh run." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default: a free one).", DefaultValueFactory = _ => 0 };
        var command = new Command("review", "Name, merge, split and clean the clusters of a dataset in a local web page.") { folder, port };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = Path.GetFullPath(result.GetValue(folder)!);
            if (!File.Exists(Path.Combine(path, DatasetPaths.Manifest)))
            {
                return RunCommand.Fail($"{path} is not a FaceMesh dataset (no {DatasetPaths.Manifest}).", ExitCodes.BadInput);
            }

            if (result.GetValue(port) is < 0 or > 65535)
            {
                return RunCommand.Fail("--port must lie between 0 and 65535.", ExitCodes.BadInput);
            }

            using var session = new ReviewSession(new LocalFolderObjectStore(path), string.Empty, Path.GetFileName(path));
            try
            {
                await session.GetAsync(cancellationToken: cancellationToken);
                await using var server = await LocalReviewServer.StartAsync(session, result.GetValue(port), cancellationToken);
                Console.WriteLine($"Reviewing {path} at {server.Url} (Ctrl+C to stop; every edit is saved at once)");
                await server.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                return CommandFailure.Report(e, "serve the review", ioExitCode: ExitCodes.BadInput, about: path);
            }
        });
        return command;
    }
}
