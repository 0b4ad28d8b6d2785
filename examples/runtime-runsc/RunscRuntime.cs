using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;

namespace Modular.Examples.Runtime.Runsc;

/// <summary>
/// gVisor's <c>runsc</c> as conmon's runtime. runsc speaks the OCI runtime command line
/// (create, start, state, kill, delete, exec), so the engine drives it as it drives runc;
/// this class only says where runsc is, which global flags it needs on this kind of host,
/// and what it cannot do.
/// </summary>
public sealed class RunscRuntime : IOciRuntime
{
    public const string RuntimeId = "runsc";

    private const string DefaultPath = "/usr/bin/runsc";

    // Declared, not discovered: gVisor puts its whole sandbox (Sentry, gofer) in the
    // container's cgroup. With the OOM killer disabled on that cgroup a full memory limit
    // stalls the Sentry itself rather than the container's process; and a blkio weight
    // would weigh the gofer's host I/O, not the container's own. Podman's error for these
    // would come from deep inside runsc (or never); the engine refuses them up front.
    private static readonly string[] Unsupported = ["oom-kill-disable", "blkio-weight"];

    public string Id => RuntimeId;

    /// <summary>
    /// No CRIU checkpoint (gVisor's own save/restore is not CRIU and not what the engine
    /// drives), and no <c>--cgroups disabled</c>: runsc always makes its sandbox cgroup.
    /// </summary>
    public RuntimeFeatures Features { get; } = new(
        SupportsCgroupV1: true,
        SupportsCheckpoint: false,
        NeedsHybridCgroupWrapper: false,
        SupportsDisabledCgroups: false,
        UnsupportedOptions: Unsupported);

    public CheckpointVerbs? Checkpoint => null;

    public OciRuntimeCommand Resolve(OciRuntimeContext context)
    {
        var candidates = context.SearchPaths.Append(DefaultPath).ToList();
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"runtime runsc: no executable found in {string.Join(", ", candidates)}");

        return new OciRuntimeCommand(path, GlobalArguments(context), path, "");
    }

    /// <summary>
    /// runsc's error text from create or start, e.g.
    /// <c>creating process: failed to load /bin/absent: no such file or directory</c>,
    /// <c>error finding executable "x" in PATH [...]: no such file or directory</c>,
    /// <c>failed to load /bin: permission denied</c>.
    /// </summary>
    public RuntimeFailureKind ClassifyFailure(string errorText)
    {
        var text = errorText.ToLowerInvariant();
        var loading = text.Contains("failed to load") || text.Contains("error finding executable");
        if (loading && text.Contains("no such file or directory"))
        {
            return RuntimeFailureKind.CommandNotFound;
        }

        return loading && (text.Contains("permission denied") || text.Contains("is a directory"))
            ? RuntimeFailureKind.CannotInvoke
            : RuntimeFailureKind.Other;
    }

    private static List<string> GlobalArguments(OciRuntimeContext context)
    {
        // ptrace: the platform that needs no KVM and works inside VMs.
        // --network=host: the sandbox still starts inside the namespace the engine's network
        // backend prepared (or a fresh one for --network none), and the Sentry passes socket
        // calls to the host kernel there. runsc's own netstack ("sandbox", the default) is
        // not usable with Debian 12's runsc 2022: its root-namespace check reads
        // /proc/sys/net/core/rmem_default, which kernels since 5.x show in every namespace,
        // so it refuses every container with "cannot run with network enabled in root
        // network namespace". Trade-off: the network stack is the host kernel's, not
        // gVisor's; the rest of the kernel surface stays gVisor's.
        var args = new List<string>
        {
            "--root", context.StateRoot, "--platform=ptrace", "--network=host",
        };
        if (context.CgroupManager == "systemd")
        {
            args.Add("--systemd-cgroup");
        }

        return args;
    }
}
