using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Telemetry;

namespace Modular.Cli.Commands;

/// <summary>Small builders so each command file reads as its list of flags and its steps.</summary>
public static class CommandKit
{
    public static Option<bool> Switch(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    public static Option<string?> Value(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    public static Option<string[]> Values(
        string name,
        string description,
        params string[] aliases) =>
        new(name, aliases) { Description = description, DefaultValueFactory = _ => [] };

    public static Option<int?> Number(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    public static Argument<string[]> Names(string name, int minimum = 0) =>
        new(name) { Arity = minimum == 0 ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore };

    public static Argument<string> One(string name) => new(name) { Arity = ArgumentArity.ExactlyOne };

    /// <summary>
    /// Sets the command's action, mapping any failure through <see cref="ErrorMapper"/> with
    /// <paramref name="key"/> ("rm", "image rm" ...) choosing the exit code.
    /// </summary>
    public static Command WithAction(
        this Command command,
        CliContext context,
        string key,
        Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var activity = EngineTelemetry.Source.StartActivity(key);
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (Exception e)
            {
                context.Failure = e;
                return ErrorMapper.Report(key, e, context.Error, context.Debug);
            }
        });
        return command;
    }

    public static Command With(this Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option: command.Options.Add(option); break;
                case Argument argument: command.Arguments.Add(argument); break;
                case Command sub: command.Subcommands.Add(sub); break;
            }
        }

        return command;
    }

    public static Command Aliased(this Command command, params string[] aliases)
    {
        foreach (var alias in aliases)
        {
            command.Aliases.Add(alias);
        }

        return command;
    }

    /// <summary>Requires names unless --all (or --latest) was given, as Podman does.</summary>
    public static void RequireNamesOrAll(string verb, IReadOnlyCollection<string> names, bool all)
    {
        if (names.Count == 0 && !all)
        {
            throw new UsageException($"you must provide at least one name or id");
        }

        if (names.Count > 0 && all)
        {
            throw new UsageException($"when using the --all switch, you may not pass any {verb} names or IDs");
        }
    }
}
