using System.CommandLine;
using FaceMesh.Engine.Models;

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
            var store = new ModelStore(result.GetValue(CommonOptions.Models) ?? ModelStore.DefaultRoot());
            try
            {
                await store.EnsureAsync(new Progress<string>(line => Console.Error.WriteLine(line)), cancellationToken);
                Console.WriteLine($"Models ready: {store.Folder}");
                return ExitCodes.Success;
            }
            catch (ModelProvisioningException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.ModelsUnavailable;
            }
        });

        var verify = new Command("verify", "Check that the converted models are installed and intact.") { CommonOptions.Models };
        verify.SetAction(result =>
        {
            var store = new ModelStore(result.GetValue(CommonOptions.Models) ?? ModelStore.DefaultRoot());
            var problem = store.Verify();
            Console.WriteLine(problem is null ? $"ok: {store.Folder}" : $"not ready: {problem} ({store.Folder})");
            return problem is null ? ExitCodes.Success : ExitCodes.ModelsUnavailable;
        });

        return new Command("models", "Manage the converted face models.") { install, verify };
    }
}
