using System.Text.Json.Nodes;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// A create request as Podman's SpecGenerator, the body of POST /libpod/containers/create.
/// Every field of the request travels (the service, api/Modular.Api/Libpod/SpecGeneratorArguments,
/// reads each back into the same flag); what truly cannot is refused by
/// <see cref="SpecGeneratorLimits"/> rather than silently dropped.
/// </summary>
internal static class SpecGenerator
{
    public static JsonObject From(CreateContainerRequest request, bool removeOnExit)
    {
        SpecGeneratorLimits.Refuse(request);
        var spec = new JsonObject
        {
            ["image"] = request.Rootfs is null ? request.Image : null,
            ["command"] = Array(request.Command),
            ["remove"] = removeOnExit,
            ["terminal"] = request.Tty,
            ["stdin"] = request.Interactive,
        };
        Optional(spec, "name", request.Name);
        Optional(spec, "work_dir", request.WorkingDir);
        Optional(spec, "user", request.User);
        Optional(spec, "hostname", request.Hostname);
        Optional(spec, "pod", request.Pod);
        Optional(spec, "restart_policy", request.Restart);
        if (request.StopTimeout is { } timeout)
        {
            spec["stop_timeout"] = timeout;
        }

        spec["env"] = Map(request.Env);
        spec["labels"] = Map(request.Labels);
        spec["annotations"] = Map(request.Annotations);
        if (request.Entrypoint is { } entrypoint)
        {
            spec["entrypoint"] = Array(EntrypointArgv(entrypoint));
        }

        Network(spec, request);
        Resolver(spec, request);
        SpecGeneratorMounts.AddTo(spec, request);
        SpecGeneratorSecrets.AddTo(spec, request);
        Optional(spec, "rootfs", request.Rootfs);
        Optional(spec, "image_volume_mode", request.ImageVolume);
        OptionalList(spec, "volumes_from", request.VolumesFrom);
        SpecGeneratorProcess.Ports(spec, request);
        SpecGeneratorProcess.AddTo(spec, request);
        SpecGeneratorSecurity.AddTo(spec, request.Security);
        SpecGeneratorResources.AddTo(spec, request.Resources);
        return spec;
    }

    private static void Resolver(JsonObject spec, CreateContainerRequest request)
    {
        OptionalList(spec, "dns_server", request.DnsServers);
        OptionalList(spec, "dns_search", request.DnsSearch);
        OptionalList(spec, "dns_option", request.DnsOptions);
        OptionalList(spec, "hostadd", request.AddHosts);
        if (request.NoHosts)
        {
            // Podman's client sends --no-hosts as "use the image's /etc/hosts as it is".
            spec["use_image_hosts"] = true;
        }
    }

    internal static void OptionalList(JsonObject spec, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            spec[key] = Array(values);
        }
    }

    private static void Network(JsonObject spec, CreateContainerRequest request)
    {
        if (request.Networks.Count > 0)
        {
            var networks = new JsonObject();
            foreach (var name in request.Networks)
            {
                networks[name] = new JsonObject { ["aliases"] = Array(request.NetworkAliases) };
            }

            spec["networks"] = networks;
        }
        else
        {
            SpecGeneratorSecurity.Namespace(spec, "netns", request.Network);
        }

        spec["portmappings"] = new JsonArray(request.PortMappings.Select(port => (JsonNode)new JsonObject
        {
            ["host_ip"] = port.HostIp,
            ["container_port"] = port.ContainerPort,
            ["host_port"] = port.HostPort,
            ["protocol"] = port.Protocol,
            ["range"] = port.Range,
        }).ToArray());
    }

    // The CLI keeps a JSON-array entrypoint as its text; a plain one is a single word.
    private static IReadOnlyList<string> EntrypointArgv(string entrypoint)
    {
        if (entrypoint.StartsWith('['))
        {
            return (JsonNode.Parse(entrypoint) as JsonArray ?? []).Select(n => n?.ToString() ?? "").ToList();
        }

        return entrypoint.Length == 0 ? [] : [entrypoint];
    }

    internal static JsonObject Map(IReadOnlyList<string> pairs)
    {
        var map = new JsonObject();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            map[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
        }

        return map;
    }

    internal static JsonArray Array(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode)JsonValue.Create(item)!).ToArray());

    internal static void Optional(JsonObject spec, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            spec[key] = value;
        }
    }
}
