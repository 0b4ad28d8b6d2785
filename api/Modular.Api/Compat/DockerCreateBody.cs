using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;
using Modular.Engine.Security;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's create body (Config with HostConfig and NetworkingConfig) turned into the
/// same request the CLI's run flags make, so the engine parses units and modes itself.
/// </summary>
public static class DockerCreateBody
{
    public static CreateContainerRequest ToRequest(JsonObject body, string? name)
    {
        var host = body["HostConfig"] as JsonObject ?? [];
        var attach = Flag(body, "AttachStdin") || Flag(body, "AttachStdout") || Flag(body, "AttachStderr");
        return DockerHostConfig.Apply(new CreateContainerRequest
        {
            Image = Text(body, "Image"),
            Name = string.IsNullOrEmpty(name) ? null : name,
            Command = Strings(body["Cmd"]),
            Entrypoint = Entrypoint(body["Entrypoint"]),
            Env = Strings(body["Env"]),
            WorkingDir = NullIfEmpty(Text(body, "WorkingDir")),
            User = NullIfEmpty(Text(body, "User")),
            Hostname = NullIfEmpty(Text(body, "Hostname")),
            Labels = Map(body["Labels"]),
            Tty = Flag(body, "Tty"),
            Interactive = Flag(body, "OpenStdin"),
            Attach = attach,
            StopSignal = NullIfEmpty(Text(body, "StopSignal")),
            StopTimeout = body["StopTimeout"]?.GetValue<int>(),
            Expose = (body["ExposedPorts"] as JsonObject)?.Select(p => p.Key).ToList() ?? [],
            Volumes = Strings(host["Binds"]).Concat(AnonymousVolumes(body["Volumes"], host["Binds"])).ToList(),
            Networks = DockerEndpoints.Networks(host, body["NetworkingConfig"]),
            PortMappings = DockerPortBindings.Parse(host["PortBindings"]),
            PublishAll = Flag(host, "PublishAllPorts"),
            AutoRemove = Flag(host, "AutoRemove"),
            Restart = Restart(host["RestartPolicy"]),
            DnsServers = Strings(host["Dns"]),
            DnsSearch = Strings(host["DnsSearch"]),
            DnsOptions = Strings(host["DnsOptions"]),
            AddHosts = Strings(host["ExtraHosts"]),
            Tmpfs = (host["Tmpfs"] as JsonObject)?
                .Select(t => $"{t.Key}{Suffix(t.Value?.GetValue<string>())}").ToList() ?? [],
            LogDriver = LogDriver(host["LogConfig"]?["Type"]?.GetValue<string>()),
            Resources = Resources(host),
            Security = new SecurityFlags
            {
                Privileged = Flag(host, "Privileged"),
                CapAdd = Strings(host["CapAdd"]),
                CapDrop = Strings(host["CapDrop"]),
                Ulimits = Ulimits(host["Ulimits"]),
            },
            Health = Health(body["Healthcheck"]),
        }, body);
    }

    private static ResourceFlags Resources(JsonObject host)
    {
        long? Number(string key) => host[key]?.GetValue<long>() is { } v && v != 0 ? v : null;
        var nano = Number("NanoCpus");
        return new ResourceFlags
        {
            Memory = Number("Memory")?.ToString(),
            MemorySwap = Number("MemorySwap")?.ToString(),
            MemoryReservation = Number("MemoryReservation")?.ToString(),
            Cpus = nano is { } n ? (n / 1e9).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            CpuShares = Number("CpuShares") is { } s ? (ulong)s : null,
            CpuQuota = Number("CpuQuota"),
            CpuPeriod = Number("CpuPeriod") is { } p ? (ulong)p : null,
            CpusetCpus = NullIfEmpty(Text(host, "CpusetCpus")),
            PidsLimit = Number("PidsLimit"),
        };
    }

    /// <summary>Docker's [{"Name":"nofile","Soft":1,"Hard":2}] as --ulimit's name=soft:hard.</summary>
    private static IReadOnlyList<string> Ulimits(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>()
            .Select(u => $"{u["Name"]?.GetValue<string>()}={u["Soft"]}:{u["Hard"]}")
            .ToList() ?? [];

    private static HealthFlags Health(JsonNode? node)
    {
        var test = Strings(node?["Test"]);
        if (test.Count == 0)
        {
            return new HealthFlags();
        }

        // Docker's Test is ["CMD", argv...], ["CMD-SHELL", line] or ["NONE"].
        if (test[0] == "NONE")
        {
            return new HealthFlags(Disabled: true);
        }

        // Podman takes a Test without one of those words as the command's own argv.
        var command = test[0] switch
        {
            "CMD-SHELL" => string.Join(' ', test.Skip(1)),
            "CMD" => System.Text.Json.JsonSerializer.Serialize(test.Skip(1).ToArray()),
            _ => System.Text.Json.JsonSerializer.Serialize(test.ToArray()),
        };
        string? Duration(string key) => node?[key]?.GetValue<long>() is { } ns && ns > 0
            ? $"{ns / 1_000_000}ms" : null;
        return new HealthFlags(
            Command: command,
            Interval: Duration("Interval"),
            Retries: node?["Retries"]?.GetValue<int>() is { } r && r > 0 ? r : null,
            StartPeriod: Duration("StartPeriod"),
            Timeout: Duration("Timeout"));
    }

    private static string? Restart(JsonNode? policy)
    {
        var name = policy?["Name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) || name == "no")
        {
            return null;
        }

        var retries = policy?["MaximumRetryCount"]?.GetValue<int>() ?? 0;
        return name == "on-failure" && retries > 0 ? $"on-failure:{retries}" : name;
    }

    /// <summary>Docker clients send json-file by default; the engine's own log format serves it.</summary>
    private static string? LogDriver(string? type) =>
        type is null or "" or "json-file" or "journald" ? null : type;

    private static string? Entrypoint(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => value.GetValue<string>(),
        JsonArray array => array.Count == 1 ? array[0]!.GetValue<string>()
            : System.Text.Json.JsonSerializer.Serialize(Strings(array)),
        _ => null,
    };

    // Docker ignores a Volumes entry a bind already mounts (docker-compose sends both for
    // a named volume); passing it on would mount the destination twice.
    private static IEnumerable<string> AnonymousVolumes(JsonNode? node, JsonNode? binds)
    {
        var bound = Strings(binds).Select(b => b.Split(':')).Where(p => p.Length > 1)
            .Select(p => p[1].TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        return (node as JsonObject)?.Select(v => v.Key).Where(v => !bound.Contains(v.TrimEnd('/'))) ?? [];
    }

    internal static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(a => a?.GetValue<string>() ?? "").ToList(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    private static List<string> Map(JsonNode? node) =>
        (node as JsonObject)?.Select(l => $"{l.Key}={l.Value?.GetValue<string>()}").ToList() ?? [];

    private static bool Flag(JsonObject node, string key) =>
        node[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Suffix(string? options) => string.IsNullOrEmpty(options) ? "" : ":" + options;
}
