using System.CommandLine;
using System.CommandLine.Parsing;

namespace Modular.Cli.Commands;

/// <summary>
/// Podman checks an explicit <c>--authfile</c> before any command that takes one does its
/// work (auth.CheckAuthFile): a path that does not exist fails every such command alike.
/// The REGISTRY_AUTH_FILE variable is not checked there, so only the flag counts.
/// </summary>
public static class AuthFileCheck
{
    private const string FlagName = "--authfile";

    /// <summary>Podman's message when the given file is missing; null when all is well.</summary>
    public static string? Problem(ParseResult result)
    {
        // login writes the file it is given, so a missing one is what it makes.
        if (result.CommandResult.Command.Name == "login")
        {
            return null;
        }

        var path = result.CommandResult.Children
            .OfType<OptionResult>()
            .Where(o => o.Option.Name == FlagName && !o.Implicit)
            .SelectMany(o => o.Tokens)
            .Select(t => t.Value)
            .LastOrDefault();
        return path is not null && path.Length > 0 && !File.Exists(path) && !Directory.Exists(path)
            ? $"credential file is not accessible: faccessat {path}: no such file or directory"
            : null;
    }
}
