using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's SpecGenerator (the body of POST /libpod/containers/create) as the `create`
/// command line that asks the engine for the same container: one parsing of the flags'
/// meaning, the CLI's. Fields without a flag here are ignored; the partial files
/// (Process, Security, Resources) read the rest of the flags back.
/// </summary>
public static partial class SpecGeneratorArguments
{
    /// <summary>The `create ... IMAGE` argv and the command that follows the image.</summary>
    public static (List<string> Args, List<string> Command) From(JsonObject body)
    {
        // Go decodes JSON keys case-insensitively: "Image" fills "image".
        var spec = new JsonObject();
        foreach (var (key, value) in body)
        {
            spec[key.ToLowerInvariant()] = value?.DeepClone();
        }

        var rootfs = Text(spec, "image") is { Length: > 0 } ? null : Text(spec, "rootfs");
        var image = Text(spec, "image") is { Length: > 0 } named ? named : rootfs
            ?? throw new InvalidInputException("no image or rootfs were specified for the container");
        // Podman's create never pulls: its clients pull first, and a missing image is 404.
        var args = new List<string> { "create", "--pull", "never" };
        AddValue(args, "--name", Text(spec, "name"));
        AddValue(args, "--runtime", Text(spec, "oci_runtime"));
        AddValue(args, "--workdir", Text(spec, "work_dir"));
        AddValue(args, "--user", Text(spec, "user"));
        AddValue(args, "--hostname", Text(spec, "hostname"));
        AddValue(args, "--pod", Text(spec, "pod"));
        AddValue(args, "--stop-timeout", Number(spec, "stop_timeout"));
        AddValue(args, "--restart", Restart(spec));
        AddValue(args, "--health-log-destination", NullIfEmpty(Text(spec, "healthlogdestination")));
        AddValue(args, "--health-max-log-count", Number(spec, "healthmaxlogcount"));
        AddValue(args, "--health-max-log-size", Number(spec, "healthmaxlogsize"));
        AddSwitch(args, "--rm", spec, "remove");
        AddSwitch(args, "--tty", spec, "terminal");
        AddSwitch(args, "--interactive", spec, "stdin");
        AddSwitch(args, "--privileged", spec, "privileged");
        AddSwitch(args, "--read-only", spec, "read_only_filesystem");
        AddSwitch(args, "--init", spec, "init");
        AddMap(args, "--env", spec["env"]);
        AddMap(args, "--label", spec["labels"]);
        AddMap(args, "--annotation", spec["annotations"]);
        AddList(args, "--cap-add", spec["cap_add"]);
        AddList(args, "--cap-drop", spec["cap_drop"]);
        AddList(args, "--dns", spec["dns_server"]);
        ResolverArguments(args, spec);
        AddList(args, "--volumes-from", spec["volumes_from"]);
        AddValue(args, "--image-volume", Text(spec, "image_volume_mode"));
        if (rootfs is not null)
        {
            args.Add("--rootfs");
        }
        AddEntrypoint(args, spec["entrypoint"]);
        NetworkArguments(args, spec);
        PortArguments(args, spec["portmappings"]);
        MountArguments(args, spec);
        ProcessArguments(args, spec);
        SecurityArguments(args, spec);
        ResourceArguments(args, spec);
        SpecGeneratorSecretArguments.AddTo(args, spec);
        args.Add(image);
        return (args, Strings(spec["command"]));
    }

    private static void ResolverArguments(List<string> args, JsonObject spec)
    {
        AddList(args, "--dns-search", spec["dns_search"]);
        AddList(args, "--dns-option", spec["dns_option"]);
        AddList(args, "--add-host", spec["hostadd"]);
        AddSwitch(args, "--no-hosts", spec, "use_image_hosts");
    }

    internal static void NetworkArguments(List<string> args, JsonObject spec)
    {
        var mode = spec["netns"]?["nsmode"]?.GetValue<string>();
        var value = spec["netns"]?["value"]?.GetValue<string>();
        var networks = spec["networks"] as JsonObject;
        if (networks is { Count: > 0 })
        {
            foreach (var (name, options) in networks)
            {
                args.AddRange(["--network", PerNetwork(name, options)]);
                foreach (var alias in Strings(options?["aliases"]))
                {
                    args.AddRange(["--network-alias", alias]);
                }
            }

            return;
        }

        var network = mode switch
        {
            null or "" or "default" => null,
            "container" or "ns" => $"{mode}:{value}",
            "path" => $"ns:{value}",
            "private" => "private",
            _ => mode,
        };
        AddValue(args, "--network", network);
    }

    /// <summary>
    /// One network of Podman's PerNetworkOptions in the CLI's NAME:ip=X,mac=Y form: podman-remote
    /// sends --ip and --mac-address inside it. Aliases stay --network-alias, so several networks
    /// with aliases are refused as the local CLI refuses them.
    /// </summary>
    private static string PerNetwork(string name, JsonNode? options)
    {
        var parts = new List<string>();
        parts.AddRange(Strings(options?["static_ips"]).Select(ip => "ip=" + ip));
        if (options?["static_mac"]?.GetValue<string>() is { Length: > 0 } mac)
        {
            parts.Add("mac=" + mac);
        }

        if (options?["interface_name"]?.GetValue<string>() is { Length: > 0 } interfaceName)
        {
            parts.Add("interface_name=" + interfaceName);
        }

        return parts.Count == 0 ? name : name + ":" + string.Join(',', parts);
    }

    internal static void PortArguments(List<string> args, JsonNode? ports)
    {
        foreach (var port in ports as JsonArray ?? [])
        {
            var hostIp = port?["host_ip"]?.GetValue<string>();
            var host = port?["host_port"]?.GetValue<int>() ?? 0;
            var container = port?["container_port"]?.GetValue<int>() ?? 0;
            var protocol = port?["protocol"]?.GetValue<string>() ?? "tcp";
            var range = Number(port, "range") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var spec = (string.IsNullOrEmpty(hostIp) ? "" : hostIp + ":")
                + (host == 0 ? "" : PortRange(host, range))
                + ":" + PortRange(container, range);
            args.AddRange(["--publish", protocol == "tcp" ? spec : spec + "/" + protocol]);
        }
    }

    // Podman's PortMapping: a range of N ports starts at each port ("8080-8081").
    private static string PortRange(int first, int range) =>
        range > 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first}-{first + range - 1}")
            : first.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void MountArguments(List<string> args, JsonObject spec)
    {
        foreach (var mount in spec["mounts"] as JsonArray ?? [])
        {
            var options = Strings(mount?["options"]);
            var source = mount?["source"]?.GetValue<string>() ?? "";
            var target = mount?["destination"]?.GetValue<string>() ?? "";
            var kind = mount?["type"]?.GetValue<string>() ?? "bind";
            var volume = kind == "tmpfs"
                ? ("--tmpfs", target + (options.Count > 0 ? ":" + string.Join(',', options) : ""))
                : ("--volume", source + ":" + target + (options.Count > 0 ? ":" + string.Join(',', options) : ""));
            args.AddRange([volume.Item1, volume.Item2]);
        }

        foreach (var named in spec["volumes"] as JsonArray ?? [])
        {
            var options = Strings(named?["Options"]);
            var name = named?["Name"]?.GetValue<string>() ?? "";
            var dest = named?["Dest"]?.GetValue<string>() ?? "";
            var joined = string.Join(',', options);
            // An anonymous volume has no name: -v DEST asks for one, --mount when it has options.
            args.AddRange(name.Length > 0
                ? ["--volume", name + ":" + dest + (options.Count > 0 ? ":" + joined : "")]
                : options.Count > 0
                    ? ["--mount", "type=volume,destination=" + dest + "," + joined]
                    : ["--volume", dest]);
        }
    }

    private static void AddEntrypoint(List<string> args, JsonNode? entrypoint)
    {
        if (entrypoint is JsonArray list)
        {
            // The CLI reads a JSON array as the exact argv, an empty string as "none".
            args.Add(list.Count == 0 ? "--entrypoint=" : "--entrypoint=" + list.ToJsonString());
        }
    }

    private static string? Restart(JsonObject spec)
    {
        var policy = Text(spec, "restart_policy");
        var tries = Number(spec, "restart_tries");
        return string.IsNullOrEmpty(policy) ? null : tries is null ? policy : policy + ":" + tries;
    }

    internal static void AddValue(List<string> args, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            args.AddRange([flag, value]);
        }
    }

    internal static void AddSwitch(List<string> args, string flag, JsonObject spec, string key)
    {
        if (spec[key] is JsonValue value && value.TryGetValue<bool>(out var on) && on)
        {
            args.Add(flag);
        }
    }

    internal static void AddMap(List<string> args, string flag, JsonNode? map)
    {
        foreach (var (key, value) in map as JsonObject ?? [])
        {
            args.AddRange([flag, key + "=" + value?.GetValue<string>()]);
        }
    }

    internal static void AddList(List<string> args, string flag, JsonNode? list)
    {
        foreach (var item in Strings(list))
        {
            args.AddRange([flag, item]);
        }
    }

    internal static List<string> Strings(JsonNode? list) =>
        (list as JsonArray ?? []).Select(item => item?.ToString() ?? "").ToList();

    internal static string? Text(JsonNode? spec, string key) =>
        Child(spec, key) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static string? Number(JsonNode? spec, string key) =>
        Child(spec, key) is JsonValue value && value.TryGetValue<long>(out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>A member in any case, as Go decodes nested structs too ("Test" or "test").</summary>
    internal static JsonNode? Child(JsonNode? node, string key) =>
        node is JsonObject obj
            ? obj.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value
            : null;
}
