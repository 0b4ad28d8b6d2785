namespace Modular.Cli.Errors;

/// <summary>The exit codes Podman documents under EXIT STATUS.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int NoSuchObject = 1;
    public const int InUse = 2;
    public const int EngineFailure = 125;
    public const int CannotInvoke = 126;
    public const int CommandNotFound = 127;
    public const int Interrupted = 130;
}
