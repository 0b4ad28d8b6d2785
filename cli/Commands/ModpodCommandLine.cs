using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;

namespace Modular.Cli.Commands;

/// <summary>
/// Builds the command tree (with <c>container</c> and <c>image</c> groups repeating the
/// verbs, as Podman does), parses, reports parse errors in Podman's words, and invokes.
/// </summary>
public static class ModpodCommandLine
{
    public static RootCommand Build(CliContext context, GlobalOptions globals)
    {
        var root = new RootCommand("Run containers and manage images, with no daemon");
        root.Options.Clear();
        root.Directives.Clear();
        root.Options.Add(new HelpOption("--help", "-h"));
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        foreach (var command in TopLevel(context))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ContainerGroup(context));
        root.Subcommands.Add(ImageGroup(context));
        root.Subcommands.Add(ManifestCommands.Group(context));
        root.Subcommands.Add(NetworkCommands.Group(context));
        root.Subcommands.Add(VolumeCommands.Group(context));
        root.Subcommands.Add(SecretCommands.Group(context));
        root.Subcommands.Add(PodCommands.Group(context));
        root.Subcommands.Add(HooksCommands.Group(context));
        root.Subcommands.Add(SystemGroup.Create(context));
        root.Subcommands.Add(KubeCommands.Group(context));
        root.Subcommands.Add(KubeCommands.LegacyGroup(context));
        root.Subcommands.Add(GenerateCommands.Group(context));
        return root;
    }

    private static IEnumerable<Command> TopLevel(CliContext c) =>
    [
        SystemCommands.Version(c), SystemCommands.Info(c), ImageCommands.Pull(c, "pull"),
        ImagesCommand.Create(c, "images"), ImageCommands.Tag(c), UntagCommand.Create(c),
        ImageCommands.Remove(c, "rmi", "rmi"),
        LoadCommand.Create(c, "load"), SaveCommand.Create(c),
        RunCommand.Create(c), RunCommand.Run(c), RunCommand.Start(c),
        PsCommand.Create(c, "ps", "ps"), LogsCommand.Create(c), LifecycleCommands.Stop(c),
        LifecycleCommands.Kill(c), LifecycleCommands.Remove(c, "rm"), WaitCommand.Create(c),
        InspectCommand.Create(c, null), EventsCommand.Create(c), HealthcheckCommand.Create(c),
        ExecCommand.Create(c), PortCommand.Create(c), AttachCommand.Create(c),
        ExportCommand.Create(c), CpCommand.Create(c), DiffCommand.Create(c, "diff"),
        ImportCommand.Create(c), CommitCommand.Create(c),
        BuildCommand.Create(c), BuildCommand.Buildx(c),
        HistoryCommand.Create(c),
        PushCommand.Create(c, "push"), LoginCommands.Login(c), LoginCommands.Logout(c),
        UpdateCommand.Create(c), StatsCommand.Create(c),
        SearchCommand.Create(c), AutoUpdateCommand.Create(c),
        .. DayTwo(c),
    ];

    // pause, unpause, restart, rename, top, init, mount, unmount: top level and under container.
    private static IEnumerable<Command> DayTwo(CliContext c) =>
    [
        PauseCommands.Pause(c), PauseCommands.Unpause(c), RestartCommand.Create(c),
        RenameCommand.Create(c), TopCommand.Create(c), InitCommand.Create(c),
        ContainerMountCommands.Mount(c), ContainerMountCommands.Unmount(c),
    ];

    private static Command ContainerGroup(CliContext c) =>
        new Command("container", "Commands that act on containers").With(
        RunCommand.Create(c), RunCommand.Run(c), RunCommand.Start(c),
        PsCommand.Create(c, "ls", "container ls").Aliased("list", "ps"), LogsCommand.Create(c),
        LifecycleCommands.Stop(c), LifecycleCommands.Kill(c), LifecycleCommands.Remove(c, "container rm"),
        WaitCommand.Create(c), LifecycleCommands.Exists(c), LifecycleCommands.Cleanup(c),
        InspectCommand.Create(c, "container"), ExecCommand.Create(c), AttachCommand.Create(c),
        PortCommand.Create(c),
        ExportCommand.Create(c), CpCommand.Create(c), DiffCommand.Create(c, "container diff"),
        UpdateCommand.Create(c), StatsCommand.Create(c), CommitCommand.Create(c),
        ContainerPruneCommand.Create(c),
        CheckpointCommand.Create(c), RestoreCommand.Create(c), RunlabelCommand.Create(c))
        .With([.. DayTwo(c)]);

    private static Command ImageGroup(CliContext c) =>
        new Command("image", "Commands that act on images").With(
        ImagesCommand.Create(c, "ls").Aliased("list"), ImageCommands.Inspect(c), ImageCommands.Exists(c),
        ImageCommands.Tag(c), UntagCommand.Create(c), ImageCommands.Remove(c, "rm", "image rm"),
        ImageCommands.Pull(c, "pull"),
        LoadCommand.Create(c, "load"), SaveCommand.Create(c),
        ImportCommand.Create(c), DiffCommand.Create(c, "image diff"), BuildCommand.Create(c),
        HistoryCommand.Create(c),
        ImagePruneCommand.Create(c),
        ImageTreeCommand.Create(c),
        ImageMountCommands.Mount(c),
        ImageMountCommands.Unmount(c),
        PushCommand.Create(c, "push"),
        SearchCommand.Create(c), ImageSignCommand.Create(c));

    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(
        CliContext context,
        IReadOnlyList<string> args,
        CancellationToken cancellationToken)
    {
        var globals = new GlobalOptions();
        var root = Build(context, globals);
        var config = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var result = root.Parse(args, config);
        var (normalized, badSwitch) = FlagValueErrors.NormalizeSwitches(args, result.CommandResult.Command);
        if (badSwitch is not null)
        {
            return ErrorMapper.Report("", new UsageException(badSwitch), context.Error, false);
        }

        if (!normalized.SequenceEqual(args))
        {
            result = root.Parse(normalized, config);
        }

        var lastWins = RepeatedFlags.KeepLast(normalized, result);
        if (!ReferenceEquals(lastWins, normalized))
        {
            result = root.Parse(lastWins, config);
        }

        var level = LoggingHook.Resolve(result, globals, context.Error);
        if (level is null)
        {
            return 1;
        }

        context.Flags = globals.ToFlags(result, level);
        if (globals.RemoteAsked(result))
        {
            globals.Remote.Hidden = true;
            context.RemoteUrl = result.GetValue(globals.Url);
            context.RemoteFactory = RemoteHosting.Factory(
                result.GetValue(globals.Remote),
                result.GetValue(globals.Url),
                result.GetValue(globals.Connection),
                result.GetValue(globals.Identity));
        }

        if (result.GetValue(globals.Version))
        {
            await context.Out.WriteLineAsync($"modpod version {SystemCommands.ProductVersion}");
            return ExitCodes.Success;
        }

        var unknown = UnknownFlag(result);
        if (unknown is not null || result.Errors.Count > 0)
        {
            var message = unknown ?? ParseErrorMessage(result);
            if (message.StartsWith("missing command '", StringComparison.Ordinal))
            {
                // Podman prints the group's help before the error (validate.SubCommandExists).
                await GroupHelp.WriteAsync(root, result.CommandResult.Command, context.Out, config);
            }

            return ErrorMapper.Report("", new UsageException(message), context.Error, false);
        }

        if (AuthFileCheck.Problem(result) is { } authFileProblem)
        {
            return ErrorMapper.Report("", new UsageException(authFileProblem), context.Error, false);
        }

        await using var redirected = OutputRedirection.Apply(context, result, globals);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        LoggingHook.Start(context, level, result);
        try
        {
            return await result.InvokeAsync(invocation, cancellationToken);
        }
        finally
        {
            LoggingHook.Finish(result);
        }
    }

    /// <summary>Podman's (cobra's) wording: "unknown flag: --x", "unrecognized command ...".</summary>
    public static string ParseErrorMessage(ParseResult result)
    {
        var badValue = FlagValueErrors.FirstConversionError(result);
        if (badValue is not null)
        {
            return badValue;
        }

        var unmatched = result.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null && unmatched.StartsWith("--", StringComparison.Ordinal))
        {
            return $"unknown flag: {unmatched.Split('=')[0]}";
        }

        if (unmatched is not null && unmatched.StartsWith('-') && unmatched.Length > 1)
        {
            return $"unknown shorthand flag: '{unmatched[1]}' in {unmatched}";
        }

        // A group (root, hooks, image ...) takes no arguments: a stray word is a bad subcommand.
        if (unmatched is not null && result.CommandResult.Command is { Subcommands.Count: > 0, Arguments.Count: 0 })
        {
            return $"unrecognized command `{CommandPath(result)} {unmatched}`";
        }

        return Reword(result.Errors[0].Message, result);
    }

    /// <summary>System.CommandLine's messages in cobra's words, where Podman users know them.</summary>
    private static string Reword(string message, ParseResult result)
    {
        var quoted = message.Split('\'');
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return $"missing command '{CommandPath(result)} COMMAND'";
        }

        if (message.StartsWith("Required argument missing for option", StringComparison.Ordinal)
            && quoted.Length > 1)
        {
            return $"flag needs an argument: {quoted[1]}";
        }

        return message.StartsWith("Required argument missing for command", StringComparison.Ordinal)
            ? "requires at least 1 arg(s), only received 0"
            : message.TrimEnd('.');
    }

    /// <summary>
    /// System.CommandLine takes an unknown "--flag" for a positional value; Podman refuses
    /// it. A dash-led token counts as a flag unless it follows an option that takes a
    /// value, comes after "--", or is a negative number.
    /// </summary>
    public static string? UnknownFlag(ParseResult result)
    {
        var tokens = result.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && LooksLikeFlag(token.Value)
                && !(i > 0 && TakesValue(result, tokens[i - 1])))
            {
                return token.Value.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown flag: {token.Value.Split('=')[0]}"
                    : $"unknown shorthand flag: '{token.Value[1]}' in {token.Value}";
            }
        }

        return null;
    }

    private static bool LooksLikeFlag(string value) =>
        value.Length > 1 && value[0] == '-' && (char.IsLetter(value[1]) || value[1] == '-');

    private static bool TakesValue(ParseResult result, Token previous)
    {
        if (previous.Type != TokenType.Option)
        {
            return false;
        }

        for (Command? command = result.CommandResult.Command; command is not null; command = Parent(command))
        {
            var option = command.Options.FirstOrDefault(o => o.Name == previous.Value || o.Aliases.Contains(previous.Value));
            if (option is not null)
            {
                return option.ValueType != typeof(bool) && option.ValueType != typeof(bool?);
            }
        }

        return false;
    }

    // Every command here is built for one place in the tree, so it has one parent.
    private static Command? Parent(Command command) => command.Parents.OfType<Command>().FirstOrDefault();

    private static string CommandPath(ParseResult result) =>
        result.CommandResult.Command is RootCommand ? "modpod" : "modpod " + result.CommandResult.Command.Name;
}
