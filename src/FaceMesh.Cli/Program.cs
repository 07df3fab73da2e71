using System.CommandLine;
using FaceMesh.Cli.Commands;

var root = new RootCommand("FaceMesh: turn footage into a labelled face dataset.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ReclusterCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(FacesCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(JobsCommands.List());
root.Subcommands.Add(JobsCommands.Cancel());
root.Subcommands.Add(FetchCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
return await root.Parse(args).InvokeAsync();
