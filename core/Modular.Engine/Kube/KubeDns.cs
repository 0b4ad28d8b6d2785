using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>--dns, --dns-search and --dns-option as a v1.PodDNSConfig, merged over containers.</summary>
internal static class KubeDns
{
    public static JsonObject From(JsonObject hostConfig)
    {
        var dns = new JsonObject();
        Add(dns, "nameservers", KubeContainer.Strings(hostConfig["Dns"]).Select(s => (JsonNode)s));
        Add(dns, "searches", KubeContainer.Strings(hostConfig["DnsSearch"]).Select(s => (JsonNode)s));
        Add(dns, "options", KubeContainer.Strings(hostConfig["DnsOptions"]).Select(Option));
        return dns;
    }

    /// <summary>Adds <paramref name="more"/>'s entries to <paramref name="into"/>, once each.</summary>
    public static void Merge(JsonObject into, JsonObject more)
    {
        foreach (var (key, values) in more)
        {
            var list = into[key] as JsonArray ?? [];
            foreach (var value in (values as JsonArray ?? []).Where(v => v is not null))
            {
                if (!list.Any(existing => JsonNode.DeepEquals(existing, value)))
                {
                    list.Add(value!.DeepClone());
                }
            }

            into[key] = list;
        }
    }

    // An option is "name:value" or just "name"; Kubernetes keeps them apart.
    private static JsonNode Option(string option)
    {
        var colon = option.IndexOf(':');
        return new JsonObject
        {
            ["name"] = colon < 0 ? option : option[..colon],
            ["value"] = colon < 0 ? "" : option[(colon + 1)..],
        };
    }

    private static void Add(JsonObject dns, string key, IEnumerable<JsonNode> values)
    {
        var list = new JsonArray([.. values]);
        if (list.Count > 0)
        {
            dns[key] = list;
        }
    }
}
