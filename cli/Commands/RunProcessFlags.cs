using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// Flags of create and run about the container's process and what it inherits:
/// -q/--quiet (no pull progress), --umask, --no-hostname, and --preserve-fds/--preserve-fd
/// (descriptors of this process handed through conmon into the container).
/// </summary>
public sealed class RunProcessFlags
{
    /// <summary>The flags here that take a value, for <see cref="Parsing.ArgvSplitter"/>.</summary>
    public static readonly string[] ValueFlags = ["--umask", "--preserve-fds", "--preserve-fd"];

    public Option<bool> Quiet { get; } =
        Switch("--quiet", "Suppress output information when pulling images", "-q");
    public Option<string?> Umask { get; } = Value("--umask", "Set umask in container");
    public Option<bool> NoHostname { get; } =
        Switch("--no-hostname", "Do not create /etc/hostname");
    public PreserveFdFlags PreserveFds { get; } = new();

    public Command AddTo(Command command) => PreserveFds.AddTo(command.With(Quiet, Umask, NoHostname));

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request)
    {
        var umask = r.GetValue(Umask);
        if (umask is not null && !IsValidUmask(umask))
        {
            throw new UsageException($"invalid umask string {umask}: invalid argument");
        }

        var preserved = PreserveFds.Parse(r);
        return request with
        {
            PullProgress = r.GetValue(Quiet) ? null : request.PullProgress,
            Umask = umask,
            NoHostname = r.GetValue(NoHostname),
            PreserveFds = preserved.Count,
            PreserveFd = preserved.Only,
        };
    }

    // Podman accepts one to four octal digits.
    private static bool IsValidUmask(string value) =>
        value.Length is >= 1 and <= 4 && value.All(c => c is >= '0' and <= '7')
        && uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
