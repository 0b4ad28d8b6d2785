using Modular.Contracts.Errors;

namespace Modular.Engine.OciHooks;

/// <summary>
/// The exit code Podman gives a container start that fails on a hook: its ExitCode reads
/// the error text, 127 when it says a file was not found, 126 for anything else.
/// </summary>
public static class HookStartFailure
{
    public static ModularException For(string message, Exception? inner = null) =>
        message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("no such file", StringComparison.OrdinalIgnoreCase)
            ? new CommandNotFoundException(message, inner)
            : new CannotInvokeException(message, inner);
}
