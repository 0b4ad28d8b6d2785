namespace Modular.Engine.Containers.Copy;

/// <summary>How a tar stream lands in its destination.</summary>
/// <param name="Owner">Every entry is chowned to this uid and gid; null keeps the tar's.</param>
/// <param name="Overwrite">A directory may replace a non-directory and the reverse.</param>
/// <param name="IgnoreDevices">Device nodes are skipped (copying to the host, as Podman does).</param>
/// <param name="Busy">In-root paths that are mount points in the running container: never replaced.</param>
internal sealed record ExtractOptions(
    (uint Uid, uint Gid)? Owner,
    bool Overwrite,
    bool IgnoreDevices,
    IReadOnlyCollection<string>? Busy = null);
