namespace FaceMesh.Cli;

/// <summary>Process exit codes; scripts can tell bad input from a broken installation.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int ModelsUnavailable = 3;
    public const int Unauthenticated = 4;
    public const int Unavailable = 5;
    public const int Cancelled = 130;
}
