using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Contracts.Errors;
using Modular.Engine.Build;

namespace Modular.Cli.Commands;

public static partial class BuildCommand
{
    /// <summary>Flag conflicts and unreadable files, refused before anything runs.</summary>
    private static void CheckFlags(BuildFlags flags, BuildRunFlags run, ParseResult r)
    {
        if (r.GetValue(flags.Squash) && r.GetValue(flags.SquashAll))
        {
            throw new UsageException("cannot specify --squash-all with --squash");
        }

        if (r.GetValue(run.AuthFile) is { } authFile && !File.Exists(authFile))
        {
            throw new NotFoundException(
                $"credential file is not accessible: faccessat {authFile}: "
                + "no such file or directory");
        }

        if (r.GetValue(run.Jobs) is < 0)
        {
            throw new UsageException("--jobs must be a positive number");
        }
    }

    private static BuildContainerSettings RunSettings(BuildRunFlags run, ParseResult r) => new()
    {
        Ulimits = r.GetValue(run.Ulimits)!,
        SecurityOpts = r.GetValue(run.SecurityOpts)!,
        CapAdd = r.GetValue(run.CapAdd)!,
        CapDrop = r.GetValue(run.CapDrop)!,
        DnsServers = r.GetValue(run.Dns)!,
        DnsSearch = r.GetValue(run.DnsSearch)!,
        DnsOptions = r.GetValue(run.DnsOptions)!,
    };
}
