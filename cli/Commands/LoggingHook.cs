using System.CommandLine;
using System.CommandLine.Parsing;
using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// Podman's handling of --log-level and --debug (-D): a bad level or both flags together
/// end the command with exit 1 and one bare line (not "Error: ..."), as Podman does
/// before its engine starts; otherwise the level decides which messages reach stderr.
/// </summary>
public static class LoggingHook
{
    private const string DefaultLevel = "warn";

    /// <summary>The effective level, or null after printing why the flags are refused.</summary>
    public static string? Resolve(ParseResult result, GlobalOptions globals, TextWriter error)
    {
        var level = result.GetValue(globals.LogLevel);
        if (result.GetValue(globals.Debug))
        {
            if (level is not null && level != DefaultLevel)
            {
                error.WriteLine("Setting --log-level and --debug is not allowed");
                return null;
            }

            level = "debug";
        }

        level ??= DefaultLevel;
        if (!CliLog.Levels.Contains(level.ToLowerInvariant()))
        {
            var allowed = string.Join(", ", CliLog.Levels);
            error.WriteLine($"Log Level \"{level}\" is not supported, choose from: {allowed}");
            return null;
        }

        return level.ToLowerInvariant();
    }

    /// <summary>The messages Podman logs before the command runs.</summary>
    public static void Start(
        CliContext context,
        string level,
        ParseResult result)
    {
        CliLog.Configure(level, context.Error);
        CliLog.Info($"modpod filtering at log level {level}");
        CliLog.Trace($"Using root {context.Flags.Root ?? "(configured)"}, "
            + $"runroot {context.Flags.RunRoot ?? "(configured)"}");
        CliLog.Debug($"Called {Verb(result)}.PersistentPreRunE({CommandLine(result)})");
    }

    /// <summary>The messages Podman logs after the command, whether it failed or not.</summary>
    public static void Finish(ParseResult result)
    {
        CliLog.Debug($"Called {Verb(result)}.PersistentPostRunE({CommandLine(result)})");
        CliLog.Debug("Shutting down engines");
    }

    private static string Verb(ParseResult result) => result.CommandResult.Command.Name;

    // Podman prints its whole argv here; the arguments may hold credentials (--creds,
    // --password), so only the command's path is logged.
    private static string CommandLine(ParseResult result)
    {
        var names = new List<string>();
        for (var node = result.CommandResult; node is not null; node = node.Parent as CommandResult)
        {
            names.Insert(0, node.Command is RootCommand ? "modpod" : node.Command.Name);
        }

        return string.Join(' ', names);
    }
}
