using System.CommandLine;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// More of <c>build</c>'s Podman 5 flags: how RUN steps' containers are set up (ulimits,
/// security options, capabilities, DNS), where the output goes, the pull's credentials and
/// the flags Podman keeps for compatibility (<c>--jobs</c>, <c>--pull-never</c> ...).
/// </summary>
public sealed class BuildRunFlags
{
    public Option<string[]> Ulimits { get; } = Values(
        "--ulimit",
        "ulimit options (default [])");
    public Option<string[]> SecurityOpts { get; } = Values(
        "--security-opt",
        "security options (default [])");
    public Option<string[]> CapAdd { get; } = Values(
        "--cap-add",
        "add the specified capability when running (default [])");
    public Option<string[]> CapDrop { get; } = Values(
        "--cap-drop",
        "drop the specified capability when running (default [])");
    public Option<string[]> Dns { get; } = Values(
        "--dns",
        "set custom DNS servers or disable it completely by setting it to 'none', which prevents "
        + "the automatic creation of /etc/resolv.conf.");
    public Option<string[]> DnsSearch { get; } = Values(
        "--dns-search",
        "set custom DNS search domains");
    public Option<string[]> DnsOptions { get; } = Values(
        "--dns-option",
        "set custom DNS options");
    public Option<string?> LogFile { get; } = Value(
        "--logfile",
        "log to `file` instead of stdout/stderr");
    public Option<string?> AuthFile { get; } = Value(
        "--authfile",
        "path of the authentication file.");
    public Option<bool?> TlsVerify { get; } = new("--tls-verify")
    {
        Description = "require HTTPS and verify certificates when accessing the registry",
        CustomParser = r => GoBool.Parse(r),
    };
    public Option<int?> Jobs { get; } = Number(
        "--jobs",
        "how many stages to run in parallel (default 1)");
    public Option<bool> PullAlways { get; } = new("--pull-always") { Hidden = true };
    public Option<bool> PullNever { get; } = new("--pull-never") { Hidden = true };

    public IEnumerable<Symbol> All =>
    [
        Ulimits, SecurityOpts, CapAdd, CapDrop, Dns, DnsSearch, DnsOptions, LogFile, AuthFile,
        TlsVerify, Jobs, PullAlways, PullNever,
    ];
}
