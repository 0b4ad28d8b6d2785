using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// The HostConfig fields that <see cref="DockerCreateBody"/>
/// leaves out, written as the CLI's flags would fill the same request: --mount, --read-only,
/// --security-opt, --init, --shm-size, --device, --group-add, --pid, --ipc, --uts, --sysctl,
/// --oom-score-adj, --volumes-from. A field we cannot honour is a 400 naming it, never ignored.
/// </summary>
public static class DockerHostConfig
{
    public static CreateContainerRequest Apply(CreateContainerRequest request, JsonObject body)
    {
        var host = body["HostConfig"] as JsonObject ?? [];
        Refuse(host);
        return request with
        {
            Mounts = DockerMounts.ToFlags(host["Mounts"]),
            VolumesFrom = DockerCreateBody.Strings(host["VolumesFrom"]),
            Security = request.Security with
            {
                ReadOnly = Flag(host, "ReadonlyRootfs"),
                SecurityOpts = SecurityOpts(host["SecurityOpt"]),
                Init = Flag(host, "Init"),
                ShmSize = Number(host, "ShmSize")?.ToString(CultureInfo.InvariantCulture),
                Devices = Devices(host["Devices"]),
                GroupAdd = DockerCreateBody.Strings(host["GroupAdd"]),
                Pid = Text(host, "PidMode"),
                Ipc = Text(host, "IpcMode"),
                Uts = Text(host, "UTSMode"),
                Cgroupns = Text(host, "CgroupnsMode"),
                Sysctls = Pairs(host["Sysctls"]),
            },
            Resources = request.Resources with
            {
                OomScoreAdj = Number(host, "OomScoreAdj") is { } adj ? (int)adj : null,
                OomKillDisable = Flag(host, "OomKillDisable") ? true : null,
                CpusetMems = Text(host, "CpusetMems"),
                BlkioWeight = Number(host, "BlkioWeight") is { } w ? (ushort)w : null,
                MemorySwappiness = Number(host, "MemorySwappiness") is { } s and >= 0 ? s : null,
                CgroupParent = Text(host, "CgroupParent"),
            },
        };
    }

    // Fields with no engine counterpart: refusing them tells the client, where dropping
    // them would run a container unlike the one asked for.
    private static void Refuse(JsonObject host)
    {
        if (host["Links"] is JsonArray { Count: > 0 })
        {
            throw new InvalidInputException("bad parameter: link is not supported");
        }

        foreach (var key in new[] { "DeviceRequests", "StorageOpt" })
        {
            if (host[key] is JsonArray { Count: > 0 } or JsonObject { Count: > 0 })
            {
                throw new InvalidInputException($"HostConfig.{key} is not supported");
            }
        }

        if (Text(host, "VolumeDriver") is { } driver && driver != "local")
        {
            throw new InvalidInputException($"HostConfig.VolumeDriver {driver} is not supported");
        }
    }

    /// <summary>Docker sends --security-opt seccomp=FILE as the file's JSON content.</summary>
    private static List<string> SecurityOpts(JsonNode? node)
    {
        var options = DockerCreateBody.Strings(node);
        var inline = options.FirstOrDefault(o => o.StartsWith("seccomp=", StringComparison.Ordinal)
            && o["seccomp=".Length..].TrimStart().StartsWith('{'));
        return inline is null
            ? options
            : throw new InvalidInputException(
                "HostConfig.SecurityOpt: an inline seccomp profile is not supported; "
                + "give a path on the server or seccomp=unconfined");
    }

    /// <summary>[{"PathOnHost","PathInContainer","CgroupPermissions"}] as --device's HOST:CTR:PERMS.</summary>
    private static List<string> Devices(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>().Select(Device).ToList() ?? [];

    private static string Device(JsonObject d)
    {
        var host = Text(d, "PathOnHost")
            ?? throw new InvalidInputException("HostConfig.Devices: PathOnHost is required");
        var inContainer = Text(d, "PathInContainer") ?? host;
        var permissions = Text(d, "CgroupPermissions");
        return permissions is null ? $"{host}:{inContainer}" : $"{host}:{inContainer}:{permissions}";
    }

    private static List<string> Pairs(JsonNode? node) =>
        (node as JsonObject)?.Select(p => $"{p.Key}={Scalar(p.Value)}").ToList() ?? [];

    private static string Scalar(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    internal static long? Number(JsonObject node, string key) =>
        node[key] is JsonValue v && v.TryGetValue<long>(out var n) && n != 0 ? n : null;

    private static bool Flag(JsonObject node, string key) =>
        node[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    internal static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
