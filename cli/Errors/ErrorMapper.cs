using Modular.Cli.Templates;
using Modular.Contracts.Errors;

namespace Modular.Cli.Errors;

/// <summary>
/// The one place exceptions become exit codes and the user's single "Error:" line.
/// Keyed by command, because Podman's EXIT STATUS differs per command: rm and rmi use 1
/// for a missing object and 2 for one in use; the exists commands use 1; run, start and
/// exec pass 126 and 127 through; everything else is 125.
/// </summary>
public static class ErrorMapper
{
    private static readonly HashSet<string> MissingIsOne =
        ["rm", "rmi", "container rm", "image rm", "exists", "container exists", "image exists",
         "network rm", "network exists", "volume rm", "volume exists", "pod rm", "pod exists"];

    private static readonly HashSet<string> InUseIsTwo =
        ["rm", "rmi", "container rm", "image rm", "network rm", "volume rm", "pod rm"];

    // Only these pass a container command's 126/127 on (Podman's run, start and exec set
    // the exit code); pod start, restart and the rest exit 125 whatever failed.
    private static readonly HashSet<string> PassesCommandCodes = ["run", "start", "exec"];

    /// <summary>Exit code for a failure of <paramref name="command"/> ("rm", "image rm" ...).</summary>
    public static int ExitCodeFor(string command, Exception error) => error switch
    {
        NotFoundException when MissingIsOne.Contains(command) => ExitCodes.NoSuchObject,
        WrongStateException when InUseIsTwo.Contains(command) => ExitCodes.InUse,
        CannotInvokeException when PassesCommandCodes.Contains(command) => ExitCodes.CannotInvoke,
        CommandNotFoundException when PassesCommandCodes.Contains(command) => ExitCodes.CommandNotFound,
        OperationCanceledException => ExitCodes.Interrupted,
        _ => ExitCodes.EngineFailure,
    };

    /// <summary>The one-line message, without the "Error: " prefix.</summary>
    public static string MessageFor(Exception error) => error switch
    {
        ModularException or UsageException or TemplateException => OneLine(error.Message),
        OperationCanceledException => "interrupted",
        NotImplementedException => "not available in this build: " + OneLine(error.Message),
        _ => OneLine(error.Message),
    };

    /// <summary>Writes "Error: message" (plus the stack at debug level) and returns the code.</summary>
    public static int Report(string command, Exception error, TextWriter stderr, bool debug)
    {
        stderr.WriteLine("Error: " + MessageFor(error));
        if (debug)
        {
            stderr.WriteLine(error.ToString());
        }

        return ExitCodeFor(command, error);
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
