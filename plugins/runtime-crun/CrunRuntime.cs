using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;

namespace Modular.Plugins.Runtime.Crun;

/// <summary>
/// crun as conmon's runtime, the default. On a hybrid cgroup host the executable is a
/// wrapper (see <see cref="HybridCgroupWrapper"/>); on pure v1 or v2 hosts it is crun.
/// </summary>
public sealed class CrunRuntime : IOciRuntime
{
    public const string RuntimeId = "crun";

    private const string DefaultPath = "/usr/bin/crun";

    private readonly Func<bool> _isHybrid;

    public CrunRuntime()
        : this(() => CgroupLayout.IsHybridWithUnifiedControllers())
    {
    }

    public CrunRuntime(Func<bool> isHybrid) => _isHybrid = isHybrid;

    public string Id => RuntimeId;

    public RuntimeFeatures Features => new(
        SupportsCgroupV1: true,
        SupportsCheckpoint: true,
        NeedsHybridCgroupWrapper: _isHybrid(),
        SupportsDisabledCgroups: true);

    public CheckpointVerbs? Checkpoint { get; } = new("checkpoint", "restore");

    public OciRuntimeCommand Resolve(OciRuntimeContext context)
    {
        var candidates = context.SearchPaths.Append(DefaultPath).ToList();
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"runtime crun: no executable found in {string.Join(", ", candidates)}");

        var args = new List<string> { "--root", context.StateRoot };
        if (context.CgroupManager == "systemd")
        {
            args.Add("--systemd-cgroup");
        }

        var executable = _isHybrid()
            ? HybridCgroupWrapper.Ensure(WrapperDirectory(context, path), path)
            : path;
        return new OciRuntimeCommand(executable, args, path, "");
    }

    /// <summary>
    /// crun reports exec failures as C strings with errno text, e.g.
    /// <c>executable file `/x` not found in $PATH: No such file or directory</c>,
    /// <c>open executable: Is a directory</c>, <c>exec container process `/etc`: Permission denied</c>;
    /// crun 1.8 opens the executable with O_PATH first and reports a directory as
    /// <c>open executable: Operation not permitted</c>.
    /// </summary>
    public RuntimeFailureKind ClassifyFailure(string errorText)
    {
        var text = errorText.ToLowerInvariant();
        if (text.Contains("not found in $path") || text.Contains("executable file not found")
            || (text.Contains("exec") && text.Contains("no such file or directory")))
        {
            return RuntimeFailureKind.CommandNotFound;
        }

        if (text.Contains("permission denied") || text.Contains("is a directory")
            || (text.Contains("executable") && text.Contains("operation not permitted")))
        {
            return RuntimeFailureKind.CannotInvoke;
        }

        return RuntimeFailureKind.Other;
    }

    // A wrapper installed by setup in the helper directory is used as is. Otherwise the plugin
    // writes its own beside the state root, inside the store, so nothing is written elsewhere
    // on the host (and not inside the state root, where crun expects only containers).
    private static string WrapperDirectory(OciRuntimeContext context, string crunPath)
    {
        var installed = Path.Combine(context.HelperDirectory, HybridCgroupWrapper.FileName);
        return HybridCgroupWrapper.IsCurrent(installed, crunPath)
            ? context.HelperDirectory
            : context.StateRoot.TrimEnd('/') + "-helpers";
    }
}
