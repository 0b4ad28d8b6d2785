using Modular.Contracts.Errors;

namespace Modular.Engine.Pods;

/// <summary>
/// The default infra container's root, as Podman 5.5+ makes it (no pause image): an empty
/// directory under the run root, used as the lower layer of an overlay (:O) so no infra
/// writes into it, with the host's catatonit bind-mounted read-only at /catatonit.
/// </summary>
public static class InfraRootfs
{
    /// <summary>Where catatonit is looked for, in order.</summary>
    public static readonly string[] CatatonitPaths =
        ["/usr/libexec/podman/catatonit", "/usr/bin/catatonit", "/usr/libexec/catatonit/catatonit"];

    /// <summary>Podman's infra command: catatonit as a pause process.</summary>
    public static IReadOnlyList<string> Entrypoint { get; } = ["/catatonit", "-P"];

    /// <summary>The shared, empty root directory under <paramref name="runRoot"/>, made if missing.</summary>
    public static string Prepare(string runRoot)
    {
        var directory = Path.Combine(runRoot, "infra-container");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite
            | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return directory;
    }

    /// <summary>The <c>-v</c> value that puts the host's catatonit at /catatonit.</summary>
    /// <exception cref="CapabilityMissingException">No catatonit is installed.</exception>
    public static string CatatonitVolume()
    {
        var found = CatatonitPaths.FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"finding catatonit binary: not found in {string.Join(", ", CatatonitPaths)}");

        // Podman binds the file the symlink names, so the mount never dangles.
        var target = new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found;
        return $"{target}:{Entrypoint[0]}:ro,nosuid,nodev";
    }
}
