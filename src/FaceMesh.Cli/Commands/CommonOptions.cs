using System.CommandLine;
using FaceMesh.Engine.Detection;

namespace FaceMesh.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Models { get; } = new("--models")
    {
        Description = "Folder of converted face models (default: $FACEMESH_MODELS, else ~/.cache/facemesh/models).",
    };

    public static Option<DetectorPrecision> Precision { get; } = OptionRules.Choice<DetectorPrecision>(
        "--precision", "SSD detector arithmetic: int8 (default, about half the detection time) or float32 (face-api.js's own).");
}
