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
        new("--root") { Description = "Path to the graph root directory", Recursive = true };
    public Option<string?> RunRoot { get; } =
        new("--runroot") { Description = "Path to the 'run directory' where all state information is stored", Recursive = true };
    public Option<string?> StorageDriver { get; } =
        new("--storage-driver") { Description = "Select which storage driver is used to manage storage of images and containers", Recursive = true };
    public Option<string[]> StorageOpt { get; } =
        new("--storage-opt") { Description = "Used to pass an option to the storage driver", Recursive = true, DefaultValueFactory = _ => [] };
    public Option<string?> Runtime { get; } =
        new("--runtime") { Description = "Path to the OCI-compatible binary used to run containers" };
    public Option<string?> CgroupManager { get; } =
        new("--cgroup-manager") { Description = "Cgroup manager to use (\"cgroupfs\"|\"systemd\")", Recursive = true };
    public Option<string?> LogLevel { get; } =
        new("--log-level") { Description = "Log messages above specified level (trace, debug, info, warn, error, fatal, panic)", Recursive = true };
    public Option<bool> Version { get; } =
        new("--version", "-v") { Description = "Version for modpod" };

    public IEnumerable<Option> All => [Root, RunRoot, StorageDriver, StorageOpt, Runtime, CgroupManager, LogLevel, Version];

    public GlobalFlags ToFlags(ParseResult r)
    {
        var level = r.GetValue(LogLevel);
        if (level is not null && !LogLevels.Contains(level))
        {
            throw new UsageException($"log-level \"{level}\" is invalid: must be one of {string.Join(", ", LogLevels)}");
        }

        var storageOptions = r.GetValue(StorageOpt)!;
        return new GlobalFlags(
            r.GetValue(Root),
            r.GetValue(RunRoot),
            r.GetValue(StorageDriver),
            r.GetValue(Runtime),
            r.GetValue(CgroupManager),
            level,
            storageOptions.Length == 0 ? null : storageOptions);
    }
}
