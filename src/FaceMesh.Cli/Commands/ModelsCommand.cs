using System.CommandLine;
using FaceMesh.Engine.Models;
using FaceMesh.Models;
using FaceMesh.Pipeline;

namespace FaceMesh.Cli.Commands;

/// <summary><c>facemesh models install|verify</c>: provision the ONNX models explicitly (Docker builds call this).</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var install = new Command("install", "Fetch the pinned face-api.js weights with npm, verify them and convert them to ONNX.")
        {
            CommonOptions.Models,
        };
        install.SetAction(async (result, cancellationToken) =>
        {
            var models = ModelFolder.At(result.GetValue(CommonOptions.Models));
            try
            {
                await new ModelInstaller(models).EnsureAsync(new InlineProgress<string>(Console.Error.WriteLine), cancellationToken);
                Console.WriteLine($"Models ready: {models.Folder}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (CommandFailure.IsExpected(e))
            {
                return CommandFailure.Report(e, "install the face models");
            }
        });

        var verify = new Command("verify", "Check that the converted models are installed and intact.") { CommonOptions.Models };
        verify.SetAction(result =>
        {
            var models = ModelFolder.At(result.GetValue(CommonOptions.Models));
            var problem = models.Verify();
            Console.WriteLine(problem is null ? $"ok: {models.Folder}" : $"not ready: {problem} ({models.Folder})");
            return problem is null ? ExitCodes.Success : ExitCodes.ModelsUnavailable;
        });

        return new Command("models", "Manage the converted face models.") { install, verify };
    }
}
