using System.CommandLine;

namespace FaceMesh.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Models { get; } = new("--models")
    {
        Description = "Folder of converted face models (default: $FACEMESH_MODELS, else ~/.cache/facemesh/models).",
    };
}
