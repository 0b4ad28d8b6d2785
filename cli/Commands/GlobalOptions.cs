using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine;

namespace Modular.Cli.Commands;

/// <summary>Podman's global flags. --runtime applies before the verb only, since run has its own.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Root { get; } =
        Global("--root", "Directory that holds images, layers and containers");

    public Option<string?> RunRoot { get; } =
        Global("--runroot", "Directory for state that need not survive a reboot");

    public Option<string?> StorageDriver { get; } =
        Global("--storage-driver", "Storage driver that keeps layers and container filesystems");

    public Option<string[]> StorageOpt { get; } = new("--storage-opt")
    {
        Description = "Option for the storage driver, as KEY=VALUE; repeatable",
        Recursive = true,
        DefaultValueFactory = _ => [],
    };

    public Option<string[]> HooksDir { get; } = new("--hooks-dir")
    {
        Description = "Folder of OCI hooks (hooks.d JSON files); repeatable, replaces hooks_dir",
        Recursive = true,
        DefaultValueFactory = _ => [],
    };

    public Option<string?> Runtime { get; } =
        new("--runtime") { Description = "OCI runtime that runs containers, by name or path" };

    public Option<string[]> RuntimeFlag { get; } = new("--runtime-flag")
    {
        Description = "add global flags for the container runtime",
        Recursive = true,
        DefaultValueFactory = _ => [],
    };

    public Option<string?> DefaultMountsFile { get; } = new("--default-mounts-file")
    {
        Description = "Path to default mounts file",
        Recursive = true,
        Hidden = true,
    };

    public Option<string?> CgroupManager { get; } =
        Global("--cgroup-manager", "Who manages container cgroups: cgroupfs or systemd");

    public Option<string?> LogLevel { get; } =
        Global("--log-level", "Log this level and above: trace, debug, info, warn, error, fatal, panic");

    public Option<bool> Debug { get; } =
        new("--debug", "-D")
        {
            Description = "Docker compatibility, force setting of log-level",
            Recursive = true,
        };

    public Option<bool> Version { get; } =
        new("--version", "-v") { Description = "Print the modpod version and exit" };

    public Option<bool> NoOut { get; } =
        new("--noout") { Description = "Do not print to stdout", Recursive = true };

    public Option<string?> Out { get; } =
        Global("--out", "Send output (stdout) from podman to a file");

    /// <summary>
    /// Podman's --syslog (log to syslog as well); Modular logs to stderr only, but passes the
    /// flag on to conmon's exit command as Podman does, so cleanup runs with the same flags.
    /// </summary>
    public Option<bool> Syslog { get; } =
        new("--syslog") { Description = "Output logging information to syslog as well as the console", Recursive = true };

    public Option<bool> Remote { get; } = new("--remote", "-r")
    {
        Description = "Access remote Podman service",
        Recursive = true,
    };

    public Option<string?> Url { get; } =
        Global("--url", "URL to access Podman service (CONTAINER_HOST)");

    public Option<string?> Identity { get; } =
        Global("--identity", "path to SSH identity file, (CONTAINER_SSHKEY)");

    // Podman's -c short form is left out: commit, import and run already use -c.
    public Option<string?> Connection { get; } =
        Global("--connection", "Connection to use for remote Podman service (CONTAINER_CONNECTION)");

    public IEnumerable<Option> All =>
        [Root, RunRoot, StorageDriver, StorageOpt, HooksDir, Runtime, RuntimeFlag, CgroupManager, LogLevel, Debug,
         Version, NoOut, Out, DefaultMountsFile, Remote, Url, Identity, Connection,
         Syslog];

    /// <summary>
    /// True when the remote client is asked for, by flag or by CONTAINER_HOST or
    /// CONTAINER_CONNECTION. Then --remote itself is no longer offered in --help, as in Podman.
    /// </summary>
    public bool RemoteAsked(ParseResult r) =>
        r.GetValue(Remote) || r.GetValue(Url) is not null || r.GetValue(Connection) is not null
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINER_HOST"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINER_CONNECTION"));

    /// <summary>The flags as typed; <paramref name="level"/> is LoggingHook's checked level.</summary>
    public GlobalFlags ToFlags(ParseResult r, string level)
    {
        // A level nobody set stays null, so the engine keeps containers.conf's choice.
        var given = r.GetValue(LogLevel) is not null || r.GetValue(Debug) ? level : null;
        var storageOptions = r.GetValue(StorageOpt)!;
        var hooksDirectories = r.GetValue(HooksDir)!;
        var runtimeFlags = r.GetValue(RuntimeFlag)!;
        return new GlobalFlags(
            r.GetValue(Root),
            r.GetValue(RunRoot),
            r.GetValue(StorageDriver),
            r.GetValue(Runtime),
            r.GetValue(CgroupManager),
            given,
            storageOptions.Length == 0 ? null : storageOptions,
            hooksDirectories.Length == 0 ? null : [.. hooksDirectories.Select(Path.GetFullPath)],
            runtimeFlags.Length == 0 ? null : runtimeFlags,
            r.GetValue(DefaultMountsFile),
            r.GetValue(Syslog));
    }

    // Podman's persistent flags may also follow the verb: "modpod ps --root X".
    private static Option<string?> Global(string name, string description) =>
        new(name) { Description = description, Recursive = true };
}
