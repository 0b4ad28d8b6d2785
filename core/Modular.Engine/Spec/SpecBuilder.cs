using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Spec;

/// <summary>
/// Writes the OCI runtime spec (config.json) for a container, following Podman's defaults
/// for a rootful container: namespaces, default mounts, masked and read-only paths, the
/// default capabilities, clamped rlimits and an explicit cgroupfs path of our own.
/// Seccomp, devices, namespace modes and the other security settings are applied
/// afterwards by <see cref="Security.SecuritySpec"/>.
/// </summary>
public static partial class SpecBuilder
{
    /// <summary>Builds the spec for <paramref name="config"/> with the rootfs at <paramref name="rootfs"/>.</summary>
    public static JsonObject Build(
        ContainerConfig config,
        string rootfs,
        ResolvedUser user,
        ContainerFiles files,
        IReadOnlyList<string> ulimits)
    {
        return new JsonObject
        {
            ["ociVersion"] = "1.0.2-dev",
            ["process"] = BuildProcess(config, user, ulimits),
            ["root"] = new JsonObject { ["path"] = rootfs, ["readonly"] = false },
            ["hostname"] = config.Hostname,
            ["mounts"] = WithUserMounts(BuildMounts(files), config),
            ["annotations"] = new JsonObject
            {
                ["io.container.manager"] = "libpod",
                ["org.opencontainers.image.stopSignal"] = config.StopSignal.ToString(
                    System.Globalization.CultureInfo.InvariantCulture),
            },
            ["linux"] = BuildLinux(config),
        };
    }

    private static JsonObject BuildProcess(
        ContainerConfig config,
        ResolvedUser user,
        IReadOnlyList<string> ulimits)
    {
        // Podman gives a non-root user only the bounding set; root gets the capabilities in effect.
        var effective = user.Uid == 0 ? config.Capabilities : [];
        return new JsonObject
        {
            ["terminal"] = config.Tty,
            ["user"] = new JsonObject
            {
                ["uid"] = user.Uid,
                ["gid"] = user.Gid,
                ["additionalGids"] = ToArray(user.AdditionalGids.Select(gid => gid.ToString(
                    System.Globalization.CultureInfo.InvariantCulture))),
            },
            ["args"] = ToArray(config.ProcessArgs),
            ["env"] = ToArray(WithHome(config.Env, user.Home)),
            ["cwd"] = config.WorkingDir,
            ["capabilities"] = new JsonObject
            {
                ["bounding"] = ToArray(config.Capabilities),
                ["effective"] = ToArray(effective),
                ["permitted"] = ToArray(effective),
            },
            ["rlimits"] = new JsonArray(ResourceLimits.Build(ulimits)
                .Select(limit => (JsonNode)new JsonObject
                {
                    ["type"] = limit.Type,
                    ["hard"] = limit.Hard,
                    ["soft"] = limit.Soft,
                }).ToArray()),
            ["noNewPrivileges"] = false,
        };
    }

    private static IEnumerable<string> WithHome(IReadOnlyList<string> env, string home) =>
        env.Any(entry => entry.StartsWith("HOME=", StringComparison.Ordinal))
            ? env
            : env.Append($"HOME={home}");

    private static JsonObject BuildLinux(ContainerConfig config)
    {
        var namespaces = new JsonArray(
            Namespace("pid"),
            Namespace("ipc"),
            Namespace("uts"),
            Namespace("mount"));

        // No network backend exists yet: a container without --network host gets a private
        // network namespace with loopback only (the runtime brings lo up); host shares the host's.
        if (config.NetworkMode != "host")
        {
            namespaces.Add(Namespace("network"));
        }

        // On cgroup v1, Podman's default for root is the host cgroup namespace, so no entry.
        return new JsonObject
        {
            ["namespaces"] = namespaces,
            ["cgroupsPath"] = config.CgroupsPath,
            ["resources"] = new JsonObject
            {
                ["devices"] = new JsonArray(new JsonObject { ["allow"] = false, ["access"] = "rwm" }),
            },
            ["maskedPaths"] = ToArray(MaskedPaths),
            ["readonlyPaths"] = ToArray(ReadonlyPaths),
        };
    }

    private static JsonObject Namespace(string type) => new() { ["type"] = type };

    private static JsonArray ToArray(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());
}
