using FaceMesh.Engine.Models;
using Minio.Exceptions;

namespace FaceMesh.Cli.Commands;

/// <summary>
/// The one mapping from what can go wrong in a command to its exit code and single <c>error:</c> line. A failure with no
/// code here is a bug and is left to crash loudly.
/// </summary>
public static class CommandFailure
{
    public const string NothingWritten = "cancelled: nothing was written.";

    public static bool IsExpected(Exception e) => e is OperationCanceledException or ModelProvisioningException
        or MinioException or HttpRequestException or IOException or UnauthorizedAccessException || BadInput.Is(e);

    /// <summary>
    /// Prints <paramref name="e"/> as one line and returns its exit code. <paramref name="action"/> names what failed for
    /// I/O and server errors ("write the dataset"); <paramref name="ioExitCode"/> is their code where the command knows
    /// better than <see cref="ExitCodes.Failure"/> (a port in use is bad input); <paramref name="about"/>, when given,
    /// prefixes bad-input messages with the input they are about.
    /// </summary>
    public static int Report(Exception e, string action, string cancelled = NothingWritten, int ioExitCode = ExitCodes.Failure, string? about = null) => e switch
    {
        OperationCanceledException => RunCommand.Fail(cancelled, ExitCodes.Cancelled),
        ModelProvisioningException => RunCommand.Fail(e.Message, ExitCodes.ModelsUnavailable),
        _ when BadInput.Is(e) => RunCommand.Fail(about is null ? e.Message : $"{about}: {e.Message}", ExitCodes.BadInput),
        MinioException or HttpRequestException => RunCommand.Fail($"cannot {action}: {e.Message}", ExitCodes.Unavailable),
        _ => RunCommand.Fail($"cannot {action}: {e.Message}", ioExitCode),
    };
}
