using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Volumes;

/// <summary>
/// The options of a user mount: validation with Podman's texts, and the three views of
/// them Podman shows (the runtime's options, inspect's Options and HostConfig.Binds).
/// </summary>
public static class MountOptions
{
    private static readonly string[] Propagations =
        ["private", "rprivate", "shared", "rshared", "slave", "rslave", "unbindable", "runbindable"];

    // Grouped as containers/common groups them: at most one option of each group.
    private static readonly (string[] Members, string Text)[] Groups =
    [
        (["noexec", "exec"], "'noexec' or 'exec'"),
        (["nodev", "dev"], "'nodev' or 'dev'"),
        (["nosuid", "suid"], "'nosuid' or 'suid'"),
        (["rw", "ro"], "'rw' or 'ro'"),
        (["z", "Z", "O"], "'z', 'Z', or 'O'"),
        (["U"], "'U'"),
        (Propagations, "'[r]shared', '[r]private', '[r]slave' or '[r]unbindable'"),
        (["bind", "rbind"], "'[r]bind'"),
        (["copy", "nocopy"], "'copy' or 'nocopy'"),
    ];

    /// <summary>Checks <c>-v</c> options; drops the macOS-only ones Docker ignores too.</summary>
    /// <exception cref="InvalidInputException">An unknown or repeated option, or one not supported here.</exception>
    public static List<string> Validate(IReadOnlyList<string> options)
    {
        var kept = new List<string>();
        foreach (var option in options)
        {
            if (option is "cached" or "delegated")
            {
                continue;
            }

            RefuseUnsupported(option);
            var group = Groups.FirstOrDefault(g => g.Members.Contains(option, StringComparer.Ordinal));
            if (group.Members is null)
            {
                throw new InvalidInputException($"invalid option type \"{option}\"");
            }

            if (kept.Any(k => group.Members.Contains(k, StringComparer.Ordinal)))
            {
                throw new InvalidInputException(
                    $"invalid options \"{string.Join(", ", options)}\", can only specify 1 {group.Text} option");
            }

            kept.Add(option);
        }

        return kept;
    }

    // Limitation: idmapped mounts need a user namespace and a runtime that maps mounts;
    // overlay volumes (O) need an overlay upper layer per container. Neither exists yet,
    // so both are refused by name rather than mounted as something else.
    private static void RefuseUnsupported(string option)
    {
        if (option == "idmap" || option.StartsWith("idmap=", StringComparison.Ordinal))
        {
            throw new CapabilityMissingException(
                $"mount option \"{option}\" is not supported by modpod: idmapped mounts need user namespaces");
        }

        if (option == "O" || option.StartsWith("upperdir", StringComparison.Ordinal)
            || option.StartsWith("workdir", StringComparison.Ordinal))
        {
            throw new CapabilityMissingException(
                $"mount option \"{option}\" is not supported by modpod: overlay volumes are not implemented");
        }
    }

    public static bool IsReadOnly(ContainerMount mount) => mount.Options.Contains("ro");

    public static bool Chowns(ContainerMount mount) => mount.Options.Contains("U");

    public static bool CopiesUp(ContainerMount mount) => !mount.Options.Contains("nocopy");

    /// <summary>Inspect's Mode: the SELinux relabel option as given, or empty.</summary>
    public static string Mode(ContainerMount mount) =>
        mount.Options.FirstOrDefault(o => o is "z" or "Z") ?? "";

    public static string Propagation(ContainerMount mount) =>
        mount.Options.FirstOrDefault(o => Propagations.Contains(o)) ?? "rprivate";

    /// <summary>
    /// The options as HostConfig.Binds and the runtime see them, in Podman's order: the
    /// user's, then rw, rprivate, nosuid and nodev for volumes, and rbind. Bind and volume
    /// mounts only; see <see cref="TmpfsOptions"/> for tmpfs.
    /// </summary>
    public static List<string> Full(ContainerMount mount)
    {
        var options = mount.Options
            .Where(o => o is not ("copy" or "nocopy") && !o.StartsWith("volume-opt=", StringComparison.Ordinal))
            .ToList();
        AddUnless(options, ["rw", "ro"], "rw");
        AddUnless(options, Propagations, "rprivate");
        if (mount.Type == ContainerMount.VolumeType)
        {
            AddUnless(options, ["nosuid", "suid"], "nosuid");
            AddUnless(options, ["nodev", "dev"], "nodev");
        }

        AddUnless(options, ["bind", "rbind"], "rbind");
        return options;
    }

    /// <summary>A tmpfs mount's options: the user's, then rw, rprivate, nosuid, nodev, tmpcopyup.</summary>
    public static List<string> TmpfsOptions(ContainerMount mount)
    {
        var options = mount.Options.Where(o => o != "notmpcopyup").ToList();
        AddUnless(options, ["rw", "ro"], "rw");
        AddUnless(options, Propagations, "rprivate");
        AddUnless(options, ["nosuid", "suid"], "nosuid");
        AddUnless(options, ["nodev", "dev"], "nodev");
        if (!mount.Options.Contains("notmpcopyup"))
        {
            AddUnless(options, ["tmpcopyup"], "tmpcopyup");
        }

        return options;
    }

    /// <summary>
    /// What the runtime gets. z and Z are dropped: this host has no SELinux, where Podman's
    /// relabel is a no-op too, and the runtime would reject them as mount flags. U is done
    /// by the engine (chown) before the container starts.
    /// </summary>
    public static List<string> ForRuntime(ContainerMount mount) =>
        (mount.Type == ContainerMount.TmpfsType ? TmpfsOptions(mount) : Full(mount))
            .Where(o => o is not ("z" or "Z" or "U"))
            .ToList();

    /// <summary>Inspect's Options: no rw/ro, propagation, relabel or chown (they have fields of their own).</summary>
    public static List<string> ForInspect(ContainerMount mount) =>
        Full(mount)
            .Where(o => o is not ("rw" or "ro" or "z" or "Z" or "U") && !Propagations.Contains(o))
            .ToList();

    private static void AddUnless(List<string> options, IReadOnlyCollection<string> group, string value)
    {
        if (!options.Any(group.Contains))
        {
            options.Add(value);
        }
    }
}
