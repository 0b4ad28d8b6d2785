namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Where a container's cgroup goes: under /modular_parent with cgroupfs (as Podman uses
/// /libpod_parent), under machine.slice with systemd, or under <c>--cgroup-parent</c>.
/// </summary>
public static class CgroupPlacement
{
    public const string DefaultCgroupfsParent = "/modular_parent";
    public const string DefaultSystemdParent = "machine.slice";

    /// <summary>The spec's cgroupsPath; empty when <c>--cgroups disabled</c>.</summary>
    public static string PathFor(string cgroupManager, string id, ContainerResources resources)
    {
        if (resources.CgroupsMode == "disabled")
        {
            return "";
        }

        var parent = resources.CgroupParent;
        if (cgroupManager == "systemd")
        {
            return $"{(parent.Length > 0 ? parent : DefaultSystemdParent)}:modular:{id}";
        }

        // A relative parent is taken from the root of each hierarchy, as Podman does.
        var root = parent.Length > 0 ? "/" + parent.Trim('/') : DefaultCgroupfsParent;
        return $"{root.TrimEnd('/')}/modular-{id}";
    }
}
