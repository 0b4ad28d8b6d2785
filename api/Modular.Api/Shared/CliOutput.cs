using Modular.Cli.Errors;
using Modular.Contracts.Errors;

namespace Modular.Api.Shared;

/// <summary>What a bridged command printed and how it ended.</summary>
public sealed record CliOutput(int ExitCode, string Stdout, string Stderr, Exception? Failure)
{
    public void ThrowOnFailure()
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        if (ExitCode != 0)
        {
            throw FromMessage(Stderr.Trim().Split('\n')[^1], ExitCode);
        }
    }

    /// <summary>
    /// Commands that report a failure and go on (rm of several names) leave only their
    /// message: its wording tells the kind, as Podman's own error texts do.
    /// </summary>
    private static ModularException FromMessage(string line, int exitCode)
    {
        var message = line.StartsWith("Error: ", StringComparison.Ordinal) ? line[7..] : line;
        // The rm-like commands exit 2 only for an object in use or running (Podman's
        // "container state improper" has no telltale word): the code tells the kind.
        if (exitCode == ExitCodes.InUse)
        {
            return new WrongStateException(message);
        }

        if (message.Contains("no such", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not known", StringComparison.Ordinal)
            || message.Contains("not found", StringComparison.Ordinal))
        {
            return new NotFoundException(message);
        }

        return message.Contains("in use", StringComparison.Ordinal)
            || message.Contains("already exists", StringComparison.Ordinal)
            || message.Contains("being used", StringComparison.Ordinal)
            ? new WrongStateException(message)
            : new InvalidInputException(message);
    }
}
