namespace Modular.Contracts.Checkpoint;

/// <summary>The result of <see cref="ICheckpointer.ProbeAsync"/>.</summary>
/// <param name="Usable">The executable passes its own host check (<c>criu check</c>).</param>
/// <param name="ExecutablePath">
/// Absolute path of the executable the runtime must use; empty when none was found. The
/// engine passes it to a runtime that takes a path option (runc <c>--criu</c>) and puts its
/// directory first in PATH for one that searches PATH (crun, through conmon).
/// </param>
/// <param name="Version">Its version, e.g. <c>4.1.1</c>; may be empty.</param>
/// <param name="Problem">Why it is not usable, in one line; empty when usable.</param>
/// <param name="Capabilities">What it can do here; all false when not usable.</param>
public sealed record CheckpointerProbe(
    bool Usable,
    string ExecutablePath,
    string Version,
    string Problem,
    CheckpointCapabilities Capabilities);
