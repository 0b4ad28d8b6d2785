using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Pods;

namespace Modular.Remote.Services;

/// <summary>
/// A pod create request as Podman's PodSpecGenerator, the body of POST /libpod/pods/create.
/// Only the fields the service reads back (api/Modular.Api/Libpod/PodSpecArguments) travel;
/// <c>--mac-address</c> has none yet and is refused rather than silently dropped.
/// </summary>
internal static class PodSpecGenerator
{
    public static JsonObject From(PodCreateRequest request)
    {
        if (request.MacAddress is not null)
        {
            throw new CapabilityMissingException(
                "--mac-address is not supported by the modpod remote client yet");
        }

        var spec = new JsonObject { ["no_infra"] = !request.Infra };
        Optional(spec, "name", request.Name);
        Optional(spec, "hostname", request.Hostname);
        Optional(spec, "exit_policy", request.ExitPolicy);
        Optional(spec, "infra_image", request.InfraImage);
        Optional(spec, "infra_name", request.InfraName);
        Optional(spec, "cgroup_parent", request.CgroupParent);
        Optional(spec, "restart_policy", request.RestartPolicy);
        if (request.InfraCommand is { } command)
        {
            spec["infra_command"] = Array([command]);
        }

        if (request.Share is { } share)
        {
            spec["shared_namespaces"] = Array(share.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        spec["labels"] = Labels(request.Labels);
        Network(spec, request);
        return spec;
    }

    private static void Network(JsonObject spec, PodCreateRequest request)
    {
        if (request.Networks.Count > 0)
        {
            var networks = new JsonObject();
            foreach (var name in request.Networks)
            {
                networks[name] = new JsonObject();
            }

            spec["networks"] = networks;
        }

        spec["portmappings"] = new JsonArray(request.PortMappings.Select(port => (JsonNode)new JsonObject
        {
            ["host_ip"] = port.HostIp,
            ["container_port"] = port.ContainerPort,
            ["host_port"] = port.HostPort,
            ["protocol"] = port.Protocol,
        }).ToArray());
        OptionalList(spec, "dns_server", request.DnsServers);
        OptionalList(spec, "dns_search", request.DnsSearch);
        OptionalList(spec, "dns_option", request.DnsOptions);
        OptionalList(spec, "hostadd", request.AddHosts);
        if (request.NoHosts)
        {
            spec["no_manage_hosts"] = true;
        }
    }

    private static JsonObject Labels(IReadOnlyList<string> pairs)
    {
        var map = new JsonObject();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            map[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
        }

        return map;
    }

    private static void OptionalList(JsonObject spec, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            spec[key] = Array(values);
        }
    }

    private static JsonArray Array(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode)JsonValue.Create(item)!).ToArray());

    private static void Optional(JsonObject spec, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            spec[key] = value;
        }
    }
}
