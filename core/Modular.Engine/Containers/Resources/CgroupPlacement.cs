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

    /// <summary>
    /// The cgroup conmon goes into: PARENT/conmon with cgroupfs when cgroups are enabled.
    /// <c>no-conmon</c>, <c>disabled</c> and <c>split</c> leave conmon where modpod runs, and
    /// systemd would use a scope unit, which this engine does not make (null for all).
    /// </summary>
    public static string? ConmonPath(ContainerConfig config)
    {
        if (config.Resources.CgroupsMode != "enabled" || !config.CgroupsPath.StartsWith('/'))
        {
            return null;
        }

        var parent = config.CgroupsPath[..config.CgroupsPath.LastIndexOf('/')];
        return $"{parent}/conmon";
    }

    /// <summary>
    /// <c>--cgroups split</c> puts the container below the caller's own cgroup, which must not
    /// be the root; Podman reads it from /proc/self/cgroup (the v2 line, else the deepest
    /// v1 one) and fails the start with this text when it is "/".
    /// </summary>
    public static void CheckSplit(ContainerResources resources)
    {
        if (resources.CgroupsMode != "split")
        {
            return;
        }

        const string procFile = "/proc/self/cgroup";
        var paths = File.ReadAllLines(procFile).Select(line => line.Split(':', 3))
            .Where(parts => parts.Length == 3).ToList();
        var own = paths.FirstOrDefault(parts => parts[0] == "0" && parts[1].Length == 0)?[2]
            ?? paths.Select(parts => parts[2]).MaxBy(path => path.Length) ?? "";
        if (own.Length == 0 || own == "/")
        {
            throw new CannotInvokeException($"could not find cgroup mount in \"{procFile}\"");
        }
    }

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
