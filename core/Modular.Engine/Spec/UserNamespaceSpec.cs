using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Spec;

/// <summary>
/// <c>--uidmap</c>/<c>--gidmap</c>: a user namespace with the given mappings, made by the
/// runtime before the others, so the network, IPC and mount namespaces it makes belong to it.
/// Limitation: the rootfs is not re-owned (no chown, no idmapped mount), so the image's
/// files show as owned by the overflow user and the container's root cannot change them;
/// reading and running them works; the mount targets are made beforehand, as the root of
/// the namespace could not create them in the image's directories. A network namespace the engine made outside the user
/// namespace (bridge networks) keeps its sysctls: the container's root cannot write them,
/// so the default ping_group_range is not set there.
/// </summary>
public static class UserNamespaceSpec
{
    public static void Apply(JsonObject spec, ContainerConfig config, string rootfs)
    {
        if (config.UidMap.Count == 0 || spec["linux"] is not JsonObject linux)
        {
            return;
        }

        MountTargets.Create(spec, rootfs);

        linux["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "user" });
        linux["uidMappings"] = Mappings(config.UidMap);
        linux["gidMappings"] = Mappings(config.GidMap);
        if (linux["sysctl"] is JsonObject sysctl)
        {
            sysctl.Remove("net.ipv4.ping_group_range");
        }
    }

    /// <summary>Checks each CONTAINER:HOST:SIZE value; returns them as given.</summary>
    /// <exception cref="InvalidInputException">A value is not three unsigned numbers.</exception>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> values, string flag)
    {
        foreach (var value in values.SelectMany(Split))
        {
            if (Parse(value) is null)
            {
                throw new InvalidInputException($"invalid --{flag} mapping \"{value}\": expected CONTAINER:HOST:SIZE");
            }
        }

        return [.. values.SelectMany(Split)];
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JsonArray Mappings(IReadOnlyList<string> values) =>
        new([.. values.Select(Parse).OfType<(uint Container, uint Host, uint Size)>().Select(m => (JsonNode)new JsonObject
        {
            ["containerID"] = m.Container,
            ["hostID"] = m.Host,
            ["size"] = m.Size,
        })]);

    private static (uint Container, uint Host, uint Size)? Parse(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var container)
            && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var host)
            && uint.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && size > 0
                ? (container, host, size)
                : null;
    }
}
