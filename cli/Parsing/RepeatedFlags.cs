using System.CommandLine;

namespace Modular.Cli.Parsing;

/// <summary>
/// Podman's flag library keeps the last value of a single-value flag given twice
/// ("run --name a --name b" names the container b); System.CommandLine refuses the
/// line with "expects a single argument". This drops the earlier occurrences, only for
/// a line that failed that way, so every other parse stays untouched.
/// </summary>
public static class RepeatedFlags
{
    private const string Refusal = "expects a single argument but";

    public static IReadOnlyList<string> KeepLast(IReadOnlyList<string> args, ParseResult result)
    {
        if (!result.Errors.Any(e => e.Message.Contains(Refusal, StringComparison.Ordinal)))
        {
            return args;
        }

        var options = SingleValueOptions(result.CommandResult.Command);
        var occurrences = Occurrences(args, options);
        var last = occurrences.GroupBy(o => o.Option).ToDictionary(g => g.Key, g => g.Last().Index);
        var dropped = occurrences
            .Where(o => last[o.Option] != o.Index)
            .SelectMany(o => Enumerable.Range(o.Index, o.Length))
            .ToHashSet();
        return args.Where((_, i) => !dropped.Contains(i)).ToList();
    }

    private static List<(int Index, int Length, Option Option)> Occurrences(
        IReadOnlyList<string> args,
        Dictionary<string, Option> options)
    {
        var found = new List<(int, int, Option)>();
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            var flag = args[i].Split('=', 2)[0];
            if (!options.TryGetValue(flag, out var option))
            {
                continue;
            }

            var inline = args[i].Contains('=');
            var length = IsSwitch(option) || inline ? 1 : 2;
            found.Add((i, length, option));
            i += length - 1;
        }

        return found;
    }

    /// <summary>The command's options and its ancestors' recursive ones, by every alias.</summary>
    private static Dictionary<string, Option> SingleValueOptions(Command command)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        var own = true;
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in c.Options.Where(o => (own || o.Recursive) && o.Arity.MaximumNumberOfValues <= 1))
            {
                foreach (var alias in option.Aliases.Prepend(option.Name))
                {
                    options.TryAdd(alias, option);
                }
            }

            own = false;
        }

        return options;
    }

    private static bool IsSwitch(Option option) =>
        option.ValueType == typeof(bool) || option.ValueType == typeof(bool?);
}
