using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Engine.Conmon;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>--preserve-fds=N</c> (descriptors 3 to N+2) and <c>--preserve-fd=LIST</c> (those
/// numbers only), shared by run, create and exec.
/// </summary>
public sealed class PreserveFdFlags
{
    public Option<string?> Count { get; } =
        Value("--preserve-fds", "Pass a number of additional file descriptors into the container");
    public Option<string[]> List { get; } =
        Values("--preserve-fd", "Pass a list of additional file descriptors to the container");

    public Command AddTo(Command command) => command.With(Count, List);

    /// <summary>True when either flag was typed.</summary>
    public bool Given(ParseResult r) =>
        r.GetResult(Count) is { Implicit: false } || r.GetResult(List) is { Implicit: false };

    public FdPassthrough Parse(ParseResult r)
    {
        var count = r.GetValue(Count) is { } text ? ParseUint(text, "--preserve-fds") : 0;
        var list = r.GetValue(List)!
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(v => ParseUint(v, "--preserve-fd"))
            .ToList();
        return new FdPassthrough(count, list);
    }

    // pflag's uint and uintSlice: Podman's words for a value that is not a number.
    private static uint ParseUint(string value, string flag) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new UsageException(
            $"invalid argument \"{value}\" for \"{flag}\" flag: strconv.ParseUint: parsing \"{value}\": invalid syntax");
}
