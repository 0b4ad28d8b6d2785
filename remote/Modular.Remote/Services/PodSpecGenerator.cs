using System.Text.Json.Nodes;
using Modular.Engine.Pods;

namespace Modular.Remote.Services;

/// <summary>
/// A pod create request as Podman's PodSpecGenerator, the body of POST /libpod/pods/create.
/// Every field travels; the service (api/Modular.Api/Libpod/PodSpecArguments) reads each
/// back into the same flag.
/// </summary>
internal static class PodSpecGenerator
{
    public static JsonObject From(PodCreateRequest request)
    {
        var spec = new JsonObject { ["no_infra"] = !request.Infra };
        SpecGenerator.Optional(spec, "name", request.Name);
        SpecGenerator.Optional(spec, "hostname", request.Hostname);
        SpecGenerator.Optional(spec, "exit_policy", request.ExitPolicy);
        SpecGenerator.Optional(spec, "infra_image", request.InfraImage);
        SpecGenerator.Optional(spec, "infra_name", request.InfraName);
        SpecGenerator.Optional(spec, "cgroup_parent", request.CgroupParent);
        SpecGenerator.Optional(spec, "restart_policy", request.RestartPolicy);
        if (request.InfraCommand is { } command)
        {
            spec["infra_command"] = SpecGenerator.Array([command]);
        }

        if (request.Share is { } share)
        {
            spec["shared_namespaces"] = SpecGenerator.Array(share.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        spec["labels"] = SpecGenerator.Map(request.Labels);
        Network(spec, request);
        SpecGenerator.Optional(spec, "static_mac", request.MacAddress);
        if (request.Resources is { } resources)
        {
            SpecGeneratorResources.AddTo(spec, resources);
        }

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
            ["range"] = port.Range,
        }).ToArray());
        SpecGenerator.OptionalList(spec, "dns_server", request.DnsServers);
        SpecGenerator.OptionalList(spec, "dns_search", request.DnsSearch);
        SpecGenerator.OptionalList(spec, "dns_option", request.DnsOptions);
        SpecGenerator.OptionalList(spec, "hostadd", request.AddHosts);
        if (request.NoHosts)
        {
            spec["no_manage_hosts"] = true;
        }
    }
}
