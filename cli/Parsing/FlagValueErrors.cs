using System.CommandLine;
using System.CommandLine.Parsing;

namespace Modular.Cli.Parsing;

/// <summary>
/// Podman's flag library (pflag) reports a bad flag value as
/// <c>invalid argument "abc" for "-n, --last" flag: strconv.ParseInt: parsing "abc": invalid syntax</c>;
/// System.CommandLine would print .NET type names instead. This turns the latter into the
/// former for every command, and reads switch values ("--read-only=1") the way Go does.
/// </summary>
public static class FlagValueErrors
{
    private static readonly HashSet<string> GoTrue = ["1", "t", "T", "TRUE", "true", "True"];
    private static readonly HashSet<string> GoFalse = ["0", "f", "F", "FALSE", "false", "False"];

    /// <summary>The pflag message for the first value that failed to convert, if any.</summary>
    public static string? FirstConversionError(ParseResult result)
    {
        foreach (var error in result.Errors)
        {
            var option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
            var tokens = error.SymbolResult?.Tokens;
            if (option is not null && tokens is { Count: > 0 }
                && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
            {
                return Message(option.Option, tokens[^1].Value);
            }
        }

        return null;
    }

    /// <summary>
    /// Rewrites "--switch=value" to "--switch=true|false" when Go would accept the value;
    /// returns the pflag error when it would not. System.CommandLine otherwise leaves a
    /// refused value behind as a positional, which shifts every argument after it.
    /// </summary>
    public static (IReadOnlyList<string> Args, string? Error) NormalizeSwitches(
        IReadOnlyList<string> args,
        Command command)
    {
        var rewritten = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rewritten.AddRange(args.Skip(i));
                break;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var option = arg.StartsWith('-') && equals > 1 ? Find(command, arg[..equals]) : null;
            if (option is null || (option.ValueType != typeof(bool) && option.ValueType != typeof(bool?)))
            {
                rewritten.Add(arg);
                continue;
            }

            var value = arg[(equals + 1)..];
            if (!GoTrue.Contains(value) && !GoFalse.Contains(value))
            {
                return (args, Message(option, value));
            }

            rewritten.Add(arg[..equals] + (GoTrue.Contains(value) ? "=true" : "=false"));
        }

        return (rewritten, null);
    }

    /// <summary>pflag's flag label: "-n, --last" with a short form, "--last" without.</summary>
    public static string Label(Option option)
    {
        var shortForm = option.Aliases.Append(option.Name)
            .FirstOrDefault(a => a.Length == 2 && a[0] == '-' && a[1] != '-');
        return shortForm is null ? option.Name : $"{shortForm}, {option.Name}";
    }

    private static string Message(Option option, string value) =>
        $"invalid argument \"{value}\" for \"{Label(option)}\" flag: {GoParseError(option.ValueType, value)}";

    private static string GoParseError(Type type, string value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var parser = underlying == typeof(bool) ? "ParseBool"
            : underlying == typeof(uint) || underlying == typeof(ulong) ? "ParseUint"
            : underlying == typeof(double) || underlying == typeof(float) ? "ParseFloat"
            : "ParseInt";
        var reason = parser != "ParseBool" && IsNumeric(value) ? "value out of range" : "invalid syntax";
        return $"strconv.{parser}: parsing \"{value}\": {reason}";
    }

    // Digits that did not fit the type: Go says "value out of range" rather than "invalid syntax".
    private static bool IsNumeric(string value)
    {
        var digits = value.StartsWith('-') || value.StartsWith('+') ? value[1..] : value;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    internal static Option? Find(Command command, string name)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            var option = c.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is not null)
            {
                return option;
            }
        }

        return null;
    }
}
