namespace Modular.Contracts.Runtime;

/// <summary>
/// Describes an OCI runtime command (crun, runc, runsc ...). The engine owns the bundle,
/// the spec, conmon and every call; the plugin says which executable (or wrapper) to run,
/// with which global arguments, what it supports, and how to read its failures.
/// An implementation must not start processes of its own at construction time.
/// </summary>
public interface IOciRuntime
{
    /// <summary>The short id, as in containers.conf <c>runtime</c>, e.g. <c>crun</c>.</summary>
    string Id { get; }

    /// <summary>
    /// Finds the executable and builds the command line prefix for this host.
    /// </summary>
    /// <exception cref="Errors.CapabilityMissingException">No usable executable.</exception>
    OciRuntimeCommand Resolve(OciRuntimeContext context);

    /// <summary>What the runtime supports, read by the engine to choose code paths.</summary>
    RuntimeFeatures Features { get; }

    /// <summary>
    /// Reads the runtime's error text from a failed create or start (its wording differs
    /// between runtimes) and says whether the container's command was missing or not
    /// executable, so <c>run</c> exits 127 or 126 as Podman does.
    /// </summary>
    RuntimeFailureKind ClassifyFailure(string errorText);

    /// <summary>The checkpoint verbs, or null when the runtime cannot checkpoint.</summary>
    CheckpointVerbs? Checkpoint { get; }
}

/// <summary>What the engine knows that the runtime command depends on.</summary>
/// <param name="StateRoot">The runtime's <c>--root</c> under Modular's runroot.</param>
/// <param name="CgroupManager"><c>cgroupfs</c> or <c>systemd</c>.</param>
/// <param name="SearchPaths">containers.conf <c>[engine.runtimes]</c> paths for this id.</param>
/// <param name="HelperDirectory">Where the engine keeps small executables it installs.</param>
public sealed record OciRuntimeContext(
    string StateRoot,
    string CgroupManager,
    IReadOnlyList<string> SearchPaths,
    string HelperDirectory);

/// <summary>The executable conmon runs as its <c>--runtime</c>, and the global arguments.</summary>
/// <param name="Executable">Absolute path of the runtime or of a wrapper around it.</param>
/// <param name="GlobalArguments">Arguments before the verb, e.g. <c>--root</c>.</param>
/// <param name="Version">The first line of <c>--version</c>, for <c>modpod info</c>; may be empty.</param>
/// <param name="Path">The real runtime binary, for <c>info</c> (differs from a wrapper).</param>
public sealed record OciRuntimeCommand(
    string Executable,
    IReadOnlyList<string> GlobalArguments,
    string Path,
    string Version);

/// <summary>Flags the engine reads to choose how to drive the runtime.</summary>
/// <param name="SupportsDisabledCgroups">
/// The runtime takes <c>--cgroup-manager=disabled</c> and then makes no cgroup at all
/// (crun), for <c>--cgroups disabled</c>; Podman refuses that mode with other runtimes.
/// </param>
/// <param name="UnsupportedOptions">
/// Podman option names, without dashes (<c>pids-limit</c>, <c>oom-kill-disable</c> ...),
/// that this runtime cannot honour; the engine refuses a container that sets one with a
/// one-line error naming the runtime and the option, instead of running it unlimited.
/// Null or empty: every option the engine supports.
/// </param>
public sealed record RuntimeFeatures(
    bool SupportsCgroupV1,
    bool SupportsCheckpoint,
    bool NeedsHybridCgroupWrapper,
    bool SupportsDisabledCgroups = false,
    IReadOnlyList<string>? UnsupportedOptions = null);

/// <summary>How a failed create or start reads.</summary>
public enum RuntimeFailureKind
{
    Other,
    CommandNotFound,
    CannotInvoke,
}

/// <summary>The runtime's verbs and extra arguments for CRIU checkpoint and restore.</summary>
/// <param name="CheckpointerPathOption">
/// The global option that names the checkpointer executable (runc: <c>--criu</c>), or null
/// for a runtime that finds it on PATH (crun); the engine adds it before the verb.
/// </param>
public sealed record CheckpointVerbs(
    string CheckpointVerb,
    string RestoreVerb,
    string? CheckpointerPathOption = null);
