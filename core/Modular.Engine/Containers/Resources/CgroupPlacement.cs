using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Where a container's cgroup goes: under /modular_parent with cgroupfs (as Podman uses
/// /libpod_parent), under machine.slice with systemd, or under <c>--cgroup-parent</c>.
/// </summary>
public static class CgroupPlacement
{
    public const string DefaultCgroupfsParent = "/modular_parent";
    public const string DefaultSystemdParent = "machine.slice";

    /// <summary>Podman's refusal of <c>--cgroups disabled</c> with a runtime that cannot run so.</summary>
    public static void CheckRuntime(ContainerConfig config, RuntimeFeatures features)
    {
        if (config.Resources.CgroupsMode == "disabled" && !features.SupportsDisabledCgroups)
        {
            throw new InvalidInputException(
                $"requested OCI runtime {config.Runtime} is not compatible with NoCgroups: invalid argument");
        }
    }

    /// <summary>
    /// The runtime's global arguments for conmon's create: a disabled container also tells
    /// the runtime to make no cgroup, which an empty cgroupsPath alone does not.
    /// </summary>
    public static IReadOnlyList<string> RuntimeArguments(
        IReadOnlyList<string> globalArguments,
        ContainerResources resources) =>
        resources.CgroupsMode == "disabled" ? [.. globalArguments, "--cgroup-manager=disabled"] : globalArguments;

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
