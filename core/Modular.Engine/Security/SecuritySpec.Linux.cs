using System.Text.Json.Nodes;
using Modular.Engine.Spec;

namespace Modular.Engine.Security;

public static partial class SecuritySpec
{
    // Podman's --read-only-tmpfs: programs expect to write here even on a read-only root.
    private static readonly string[] ReadOnlyTmpfsPaths = ["/tmp", "/var/tmp", "/run"];

    private static void ApplySeccomp(JsonObject linux, SecuritySpecContext context)
    {
        var settings = context.Config.Security;
        linux.Remove("seccomp");
        var unconfined = settings.SeccompProfile == "unconfined"
            || (settings.SeccompProfile.Length == 0 && context.DefaultSeccompProfile == "unconfined");
        if (unconfined || (settings.Privileged && IsDefaultProfile(settings.SeccompProfile, context)))
        {
            return;
        }

        var profile = SeccompProfiles.Load(settings.SeccompProfile, context.DefaultSeccompProfile);
        linux["seccomp"] = SeccompConverter.Convert(profile, context.Config.Capabilities.ToHashSet());
    }

    // --privileged drops only the default profile, as Podman does: a profile the user named
    // (other than containers-common's default files) still filters the privileged container.
    private static bool IsDefaultProfile(string profile, SecuritySpecContext context) =>
        profile.Length == 0
        || profile == context.DefaultSeccompProfile
        || profile is "/usr/share/containers/seccomp.json" or "/etc/containers/seccomp.json";

    private static void ApplyReadOnly(JsonObject spec, SecuritySettings settings)
    {
        if (!settings.ReadOnly)
        {
            return;
        }

        spec["root"]!["readonly"] = true;
        if (!settings.ReadOnlyTmpfs)
        {
            return;
        }

        var mounts = spec["mounts"]!.AsArray();
        foreach (var path in ReadOnlyTmpfsPaths.Where(p => !mounts.Any(m => Destination(m) == p)))
        {
            mounts.Add(Mount(path, "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "tmpcopyup"));
        }
    }

    private static void ApplyGroups(JsonObject spec, SecuritySpecContext context)
    {
        var groups = context.Config.Security.GroupAdd;
        if (groups.Contains("keep-groups"))
        {
            // crun keeps the caller's supplementary groups when it sees this annotation.
            spec["annotations"]!["run.oci.keep_original_groups"] = "1";
            return;
        }

        var gids = spec["process"]!["user"]!["additionalGids"]!.AsArray();
        foreach (var group in groups)
        {
            gids.Add(UserResolver.ResolveGroupIn(context.Rootfs, group));
        }
    }

    private static void ApplyDevices(JsonObject linux, SecuritySettings settings)
    {
        var mappings = settings.Privileged
            ? [.. HostDevices.All(settings.Systemd), .. settings.Devices]
            : settings.Devices;
        var resources = linux["resources"] as JsonObject ?? [];
        linux["resources"] = resources;
        var rules = resources["devices"] as JsonArray ?? [];
        resources["devices"] = rules;
        if (settings.Privileged)
        {
            // Every device is allowed, as Podman allows them to a privileged container.
            rules.Add(new JsonObject { ["allow"] = true, ["access"] = "rwm" });
        }

        var devices = linux["devices"] as JsonArray ?? [];
        linux["devices"] = devices;
        foreach (var device in mappings.DistinctBy(d => d.ContainerPath))
        {
            devices.Add(DeviceEntry(device));
            rules.Add(new JsonObject
            {
                ["allow"] = true,
                ["type"] = device.Type.ToString(),
                ["major"] = device.Major,
                ["minor"] = device.Minor,
                ["access"] = device.Permissions,
            });
        }
    }

    private static JsonObject DeviceEntry(DeviceMapping device) => new()
    {
        ["path"] = device.ContainerPath,
        ["type"] = device.Type.ToString(),
        ["major"] = device.Major,
        ["minor"] = device.Minor,
        ["fileMode"] = device.FileMode,
        ["uid"] = device.Uid,
        ["gid"] = device.Gid,
    };

    private static void ApplyNamespaces(JsonObject spec, SecuritySpecContext context)
    {
        var settings = context.Config.Security;
        var namespaces = spec["linux"]!["namespaces"]!.AsArray();
        SetNamespace(namespaces, "ipc", settings.Ipc, context);
        SetNamespace(namespaces, "pid", settings.Pid, context);
        SetNamespace(namespaces, "uts", settings.Uts, context);
        SetNamespace(namespaces, "cgroup", settings.Cgroupns, context);
        ApplyShm(spec, settings.Ipc, context.ShmSource);

        // Without a UTS namespace of its own the runtime refuses to set a host name.
        if (!HasNamespace(namespaces, "uts"))
        {
            spec.Remove("hostname");
        }
    }

    private static void SetNamespace(
        JsonArray namespaces,
        string type,
        string mode,
        SecuritySpecContext context)
    {
        var parsed = NamespaceMode.Parse(mode, type == "cgroup" ? "cgroupns" : type);
        var path = parsed.IsPath ? parsed.Value
            : parsed.IsContainer ? NamespaceJoin.PathOf(context.JoinedPids[parsed.Value], type)
            : null;
        NamespaceJoin.Set(namespaces, type, path, parsed.IsHost);
    }

    // /dev/shm follows the IPC namespace: the host's with host, none at all with none, and
    // otherwise the host-side tmpfs the engine mounted (the container's own, or the one of
    // the container whose IPC it joins), as Podman binds its ShmDir.
    private static void ApplyShm(JsonObject spec, string ipc, string? shmSource)
    {
        var parsed = NamespaceMode.Parse(ipc, "ipc");
        var mounts = spec["mounts"]!.AsArray();
        if (!parsed.IsHost && parsed.Kind != "none")
        {
            // Only the default tmpfs is replaced: a user's --tmpfs or -v on /dev/shm wins.
            var builtin = mounts.FirstOrDefault(m => Destination(m) == "/dev/shm"
                && m?["source"]?.GetValue<string>() == "shm");
            if (shmSource is not null && builtin is not null)
            {
                mounts[mounts.IndexOf(builtin)] = Mount("/dev/shm", "bind", shmSource, "bind", "rprivate");
            }

            return;
        }

        foreach (var mount in mounts.Where(m => Destination(m) == "/dev/shm").ToList())
        {
            mounts.Remove(mount);
        }

        if (parsed.IsHost)
        {
            mounts.Add(Mount("/dev/shm", "bind", "/dev/shm", "bind", "rprivate"));
        }
    }

    private static bool HasNamespace(JsonArray namespaces, string type) =>
        namespaces.Any(n => n?["type"]?.GetValue<string>() == type);
}
