using System.CommandLine;
using Modular.Cli.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>run --attach/-a stdin|stdout|stderr</c>: which of the container's streams the
/// attached run shows. A stream left out still goes to the container's log.
/// </summary>
public sealed class RunStreamFlags
{
    private static readonly string[] Streams = ["stdin", "stdout", "stderr"];

    /// <summary>The flags here that take a value, for <see cref="Parsing.ArgvSplitter"/>.</summary>
    public static readonly string[] ValueFlags = ["-a", "--attach"];

    public Option<string[]> Attach { get; } =
        Values("--attach", "Attach to STDIN, STDOUT or STDERR", "-a");

    public Command AddTo(Command command) => command.With(Attach);

    /// <summary>The streams chosen, lower case; null when --attach was not given (all of them).</summary>
    public IReadOnlySet<string>? Selected(ParseResult r)
    {
        var given = r.GetValue(Attach) ?? [];
        if (given.Length == 0)
        {
            return null;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in given.SelectMany(v => v.Split(',')))
        {
            var stream = value.Trim().ToLowerInvariant();
            if (!Streams.Contains(stream))
            {
                throw new UsageException(
                    $"invalid stream \"{value}\" for --attach - must be one of stdin, stdout, or stderr: invalid argument");
            }

            chosen.Add(stream);
        }

        return chosen;
    }
}
