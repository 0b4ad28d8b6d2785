using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Engine;

namespace Modular.Cli.Commands;

/// <summary>Podman's global flags. --runtime applies before the verb only, since run has its own.</summary>
public sealed class GlobalOptions
{
    private static readonly HashSet<string> LogLevels =
        ["trace", "debug", "info", "warn", "warning", "error", "fatal", "panic"];

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

    public Option<bool> Version { get; } =
        new("--version", "-v") { Description = "Print the modpod version and exit" };

    public Option<bool> NoOut { get; } =
        new("--noout") { Description = "Do not print to stdout", Recursive = true };

    public Option<string?> Out { get; } =
        Global("--out", "Send output (stdout) from podman to a file");

    public IEnumerable<Option> All =>
        [
            Root, RunRoot, StorageDriver, StorageOpt, HooksDir, Runtime, RuntimeFlag,
            DefaultMountsFile, CgroupManager, LogLevel, Version, NoOut, Out,
        ];

    public GlobalFlags ToFlags(ParseResult r)
    {
        var level = r.GetValue(LogLevel);
        if (level is not null && !LogLevels.Contains(level))
        {
            var allowed = string.Join(", ", LogLevels);
            throw new UsageException($"log-level \"{level}\" is invalid: must be one of {allowed}");
        }

        var storageOptions = r.GetValue(StorageOpt)!;
        var hooksDirectories = r.GetValue(HooksDir)!;
        return new GlobalFlags(
            r.GetValue(Root),
            r.GetValue(RunRoot),
            r.GetValue(StorageDriver),
            r.GetValue(Runtime),
            r.GetValue(CgroupManager),
            level,
            storageOptions.Length == 0 ? null : storageOptions,
            hooksDirectories.Length == 0 ? null : [.. hooksDirectories.Select(Path.GetFullPath)],
            r.GetValue(RuntimeFlag) is { Length: > 0 } runtimeFlags ? runtimeFlags : null,
            r.GetValue(DefaultMountsFile));
    }

    // Podman's persistent flags may also follow the verb: "modpod ps --root X".
    private static Option<string?> Global(string name, string description) =>
        new(name) { Description = description, Recursive = true };
}
