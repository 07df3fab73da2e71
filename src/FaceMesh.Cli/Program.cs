using System.CommandLine;
using System.Runtime.InteropServices;
using FaceMesh.Cli;
using FaceMesh.Cli.Commands;

var root = new RootCommand("FaceMesh: turn footage into a labelled face dataset.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(AddCommand.Create());
root.Subcommands.Add(ReclusterCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(FacesCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(JobsCommands.List());
root.Subcommands.Add(JobsCommands.Cancel());
root.Subcommands.Add(JobsCommands.Delete());
root.Subcommands.Add(FetchCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
var verbose = new Option<bool>("--verbose") { Description = "Also show FFmpeg's and OpenCV's own log lines.", Recursive = true };
root.Options.Add(verbose);
// Bare "facemesh" is someone finding their way: the help, not a complaint that no command was given.
var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parsed.Errors.Count > 0)
{
    // A usage mistake is bad input like any other: one line and exit code 2, not a page of help.
    Console.Error.WriteLine($"error: {System.Text.RegularExpressions.Regex.Replace(parsed.Errors[0].Message, @"\s+", " ")} (facemesh {string.Join(' ', args.Take(1))} --help)");
    return ExitCodes.BadInput;
}

NativeLogging.Configure(parsed.GetValue(verbose));

// Ctrl+C or SIGTERM cancels the command, which removes what it staged and says so; a second one ends the process at once.
using var cancellation = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellation.Token);
HelpExamples.PrintIfHelp(parsed);
return exitCode;
