using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Runc;

/// <summary>
/// runc as conmon's runtime. runc copes with the hybrid cgroup layout by itself, so the
/// executable is runc and the only global argument is its state root.
/// </summary>
public sealed class RuncRuntime : IOciRuntime
{
    public const string RuntimeId = "runc";

    private const string DefaultPath = "/usr/bin/runc";

    public string Id => RuntimeId;

    public RuntimeFeatures Features { get; } = new(
        SupportsCgroupV1: true,
        SupportsCheckpoint: true,
        NeedsHybridCgroupWrapper: false);

    // runc takes the criu binary as a global option, so the engine need not touch PATH.
    public CheckpointVerbs? Checkpoint { get; } = new("checkpoint", "restore", "--criu");

    public OciRuntimeCommand Resolve(OciRuntimeContext context)
    {
        var path = context.SearchPaths.Append(DefaultPath).FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"runtime runc: no executable found in {string.Join(", ", context.SearchPaths.Append(DefaultPath))}");

        var args = new List<string> { "--root", context.StateRoot };
        if (context.CgroupManager == "systemd")
        {
            args.Add("--systemd-cgroup");
        }

        return new OciRuntimeCommand(path, args, path, "");
    }

    /// <summary>
    /// runc reports exec failures from its init as Go errors, e.g.
    /// <c>exec: "/x": stat /x: no such file or directory</c>,
    /// <c>exec: "x": executable file not found in $PATH</c>,
    /// <c>exec /etc: permission denied</c> or <c>is a directory</c>.
    /// </summary>
    public RuntimeFailureKind ClassifyFailure(string errorText)
    {
        var text = errorText.ToLowerInvariant();
        if (text.Contains("executable file not found")
            || (text.Contains("exec") && text.Contains("no such file or directory")))
        {
            return RuntimeFailureKind.CommandNotFound;
        }

        if (text.Contains("permission denied") || text.Contains("is a directory"))
        {
            return RuntimeFailureKind.CannotInvoke;
        }

        return RuntimeFailureKind.Other;
    }
}
