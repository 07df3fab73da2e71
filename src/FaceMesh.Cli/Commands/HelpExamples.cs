using System.CommandLine;
using System.CommandLine.Help;

namespace FaceMesh.Cli.Commands;

/// <summary>After the usual help of the commands a newcomer starts with: an example and what to do next.</summary>
public static class HelpExamples
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["run"] = """
            Example:
              facemesh run talk.mp4 -o talk-dataset
            Then:
              facemesh review talk-dataset                             name, merge and discard people in a web page
              facemesh export talk-dataset --format yolo -o talk-yolo  labels named after them (or imagefolder, coco)
            """,
    };

    /// <summary>Prints the example when <paramref name="parsed"/> asked for a command's help.</summary>
    public static void PrintIfHelp(ParseResult parsed)
    {
        if (parsed.Action is HelpAction && Examples.TryGetValue(parsed.CommandResult.Command.Name, out var example))
        {
            Console.WriteLine(example);
        }
    }
}
