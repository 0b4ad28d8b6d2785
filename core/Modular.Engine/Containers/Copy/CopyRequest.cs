namespace Modular.Engine.Containers.Copy;

/// <summary><c>cp SRC DEST</c> as typed, with its flags.</summary>
/// <param name="Source">[CONTAINER:]PATH or "-" for a tar stream on stdin.</param>
/// <param name="Destination">[CONTAINER:]PATH or "-" for a tar stream on stdout.</param>
/// <param name="Chown">-a/--archive: chown to the destination's user (Podman's default).</param>
/// <param name="Overwrite">--overwrite: a directory may replace a non-directory and the reverse.</param>
public sealed record CopyRequest(string Source, string Destination, bool Chown = true, bool Overwrite = false);
