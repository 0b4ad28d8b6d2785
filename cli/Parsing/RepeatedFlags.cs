using System.CommandLine;

namespace Modular.Cli.Parsing;

/// <summary>
/// Podman's flag parser (pflag) lets a single-value flag be given again and keeps the last
/// value: <c>--memory 64m --memory 32m</c> is 32m. System.CommandLine refuses the second
/// value, so before parsing every earlier occurrence of such a flag is dropped, for every
/// command at once. Repeatable flags (string arrays) are left alone.
/// </summary>
public static class RepeatedFlags
{
    public static IReadOnlyList<string> KeepLast(IReadOnlyList<string> args, Command command)
    {
        var occurrences = new Dictionary<Option, List<(int Start, int Length)>>();
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            if (Occurrence(args, i, command) is not (var option, var length))
            {
                continue;
            }

            if (option.Arity.MaximumNumberOfValues <= 1)
            {
                occurrences.TryAdd(option, []);
                occurrences[option].Add((i, length));
            }

            i += length - 1;
        }

        var dropped = occurrences.Values.Where(list => list.Count > 1)
            .SelectMany(list => list.SkipLast(1))
            .SelectMany(o => Enumerable.Range(o.Start, o.Length))
            .ToHashSet();
        return dropped.Count == 0 ? args : args.Where((_, index) => !dropped.Contains(index)).ToList();
    }

    // A flag spans one argument (a switch, or --flag=value) or two (--flag value).
    private static (Option Option, int Length)? Occurrence(IReadOnlyList<string> args, int i, Command command)
    {
        var arg = args[i];
        if (arg.Length < 2 || arg[0] != '-')
        {
            return null;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var option = FlagValueErrors.Find(command, equals > 0 ? arg[..equals] : arg);
        if (option is null)
        {
            return null;
        }

        var isSwitch = option.ValueType == typeof(bool) || option.ValueType == typeof(bool?);
        var length = equals > 0 || isSwitch || i + 1 >= args.Count ? 1 : 2;
        return (option, length);
    }
}
