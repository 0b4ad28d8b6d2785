using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// What Podman fixes in an image's root before the runtime sees it: /etc/mtab links
    /// to /proc/mounts when the image has none (mount(8) and df read it), and a working
    /// directory the user named must exist, or be a mount or hold one (exit 126).
    /// </summary>
    private static void FixUpRootfs(ContainerConfig config, string rootfs)
    {
        CheckWorkingDir(config, rootfs);
        if (config.RootfsPath is not null)
        {
            return;
        }

        var etc = Path.Combine(rootfs, "etc");
        var mtab = Path.Combine(etc, "mtab");
        if (Directory.Exists(etc) && !File.Exists(mtab) && !Directory.Exists(mtab)
            && new FileInfo(mtab).LinkTarget is null)
        {
            File.CreateSymbolicLink(mtab, "/proc/mounts");
        }
    }

    private static void CheckWorkingDir(ContainerConfig config, string rootfs)
    {
        var workdir = config.WorkingDir;
        if (!config.WorkingDirGiven || workdir is "" or "/")
        {
            return;
        }

        var mountedOrParent = config.Mounts.Any(m =>
            IsSameOrUnder(workdir, m.Destination) || IsSameOrUnder(m.Destination, workdir));
        if (mountedOrParent || ExistsInRootfs(rootfs, workdir))
        {
            return;
        }

        throw new CannotInvokeException($"workdir \"{workdir}\" does not exist on container {config.Id}");
    }

    private static bool IsSameOrUnder(string path, string parent)
    {
        var trimmed = parent.TrimEnd('/');
        return path == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }

    // Symlinks inside the image resolve against its root, never the host's.
    private static bool ExistsInRootfs(string rootfs, string path)
    {
        var current = "/";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = current == "/" ? "/" + part : current + "/" + part;
            for (var hops = 0; hops < 40; hops++)
            {
                var target = new FileInfo(rootfs + next).LinkTarget;
                if (target is null)
                {
                    break;
                }

                next = target.StartsWith('/') ? target : Path.GetFullPath(Path.Combine(current, target));
            }

            if (!Directory.Exists(rootfs + next))
            {
                return false;
            }

            current = next;
        }

        return true;
    }
}
