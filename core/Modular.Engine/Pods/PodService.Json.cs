using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Engine.Pods;

public sealed partial class PodService
{
    public JsonObject Inspect(PodView pod)
    {
        var config = pod.Config;
        var inspect = new JsonObject
        {
            ["Id"] = config.Id,
            ["Name"] = config.Name,
            ["Created"] = Containers.GoTime.Format(config.Created),
            ["CreateCommand"] = Strings(config.CreateCommand),
            ["ExitPolicy"] = config.ExitPolicy,
            ["State"] = pod.Status,
            ["Hostname"] = config.Hostname,
            ["Labels"] = LabelsJson(config),
            ["CreateCgroup"] = config.CreateInfra,
            ["CgroupParent"] = config.CgroupParent,
        };
        if (config.CreateInfra || config.CgroupPath.Length > 0)
        {
            inspect["CgroupPath"] = config.CgroupPath.Length > 0
                ? config.CgroupPath
                : $"{config.CgroupParent}/{config.Id}";
        }

        inspect["CreateInfra"] = config.CreateInfra;
        if (config.CreateInfra)
        {
            inspect["InfraContainerID"] = config.InfraId;
            inspect["InfraConfig"] = InfraConfigJson(config);
            inspect["SharedNamespaces"] = Strings(config.SharedNamespaces);
        }

        inspect["NumContainers"] = pod.Containers.Count;
        if (pod.Containers.Count > 0)
        {
            inspect["Containers"] = new JsonArray([.. pod.Containers.Select(member => (JsonNode)new JsonObject
            {
                ["Id"] = member.Id,
                ["Name"] = member.Name,
                ["State"] = member.Status,
            })]);
        }

        return inspect;
    }

    public JsonObject Summarize(PodView pod) => new()
    {
        ["Cgroup"] = pod.Config.CgroupParent,
        ["Containers"] = new JsonArray([.. pod.Containers.Select(member => (JsonNode)new JsonObject
        {
            ["Id"] = member.Id,
            ["Names"] = member.Name,
            ["Status"] = member.Status,
            ["RestartCount"] = member.RestartCount,
        })]),
        ["Created"] = Containers.GoTime.Format(pod.Config.Created),
        ["Id"] = pod.Config.Id,
        ["InfraId"] = pod.Config.InfraId,
        ["Name"] = pod.Config.Name,
        ["Namespace"] = "",
        ["Networks"] = Strings(pod.Containers.Where(member => member.IsInfra)
            .SelectMany(member => member.Networks)),
        ["Status"] = pod.Status,
        ["Labels"] = LabelsJson(pod.Config),
    };

    private static JsonObject InfraConfigJson(PodConfig config) => new()
    {
        ["PortBindings"] = PortBindings(config.PortMappings),
        ["HostNetwork"] = config.Networks.Contains("host"),
        ["StaticIP"] = "",
        ["StaticMAC"] = "",
        ["NoManageResolvConf"] = false,
        ["DNSServer"] = null,
        ["DNSSearch"] = null,
        ["DNSOption"] = null,
        ["NoManageHosts"] = false,
        ["HostAdd"] = null,
        ["Networks"] = config.Networks.Count == 0 ? null : Strings(config.Networks),
        ["NetworkOptions"] = null,
        ["pid_ns"] = config.Shares("pid") ? "container" : "private",
        ["userns"] = "host",
        ["uts_ns"] = "private",
    };

    // Podman's map of "PORT/PROTOCOL" to the host side of each binding.
    private static JsonObject PortBindings(IReadOnlyList<PortMapping> mappings)
    {
        var bindings = new JsonObject();
        foreach (var mapping in mappings)
        {
            for (var offset = 0; offset < Math.Max(1, mapping.Range); offset++)
            {
                var key = $"{mapping.ContainerPort + offset}/{mapping.Protocol}";
                if (bindings[key] is not JsonArray list)
                {
                    list = [];
                    bindings[key] = list;
                }

                list.Add(new JsonObject
                {
                    ["HostIp"] = mapping.HostIp,
                    ["HostPort"] = (mapping.HostPort + offset).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        return bindings;
    }

    private static JsonObject LabelsJson(PodConfig config) =>
        new(config.Labels.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));

    private static JsonArray Strings(IEnumerable<string> values) =>
        new([.. values.Select(value => (JsonNode)value)]);
}
