using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Cli.Output;

/// <summary>
/// What <c>network ls</c> and <c>network inspect --format</c> templates see: Podman's Go
/// field names (.ID .Name .Driver .Labels .Created .Subnets ...) over one network.
/// </summary>
public static class NetworkView
{
    public const string DefaultFormat = "table {{.ID}}\\t{{.Name}}\\t{{.Driver}}";

    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["ID"] = "NETWORK ID",
    };

    public static readonly string[] Fields =
    [
        "Name", "ID", "Driver", "NetworkInterface", "Created", "Subnets", "IPv6Enabled", "Internal",
        "DNSEnabled", "Labels", "Options", "IPAMOptions",
    ];

    // network ls --format json is Go's MarshalIndent with two spaces, unlike inspect's four.
    private static readonly JsonSerializerOptions TwoSpaces = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ListJson(IEnumerable<JsonObject> networks) =>
        new JsonArray([.. networks]).ToJsonString(TwoSpaces);

    /// <summary>One ls row; <paramref name="idLength"/> is 12, or 64 with --no-trunc.</summary>
    public static JsonObject Row(NetworkDefinition network, int idLength)
    {
        var row = Fielded(network);
        row["ID"] = network.Id[..Math.Min(idLength, network.Id.Length)];
        row["Labels"] = string.Join(",", network.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key}={l.Value}"));
        return row;
    }

    /// <summary>Go field names over the inspect JSON, for inspect --format.</summary>
    public static JsonObject Inspected(JsonObject inspect)
    {
        var view = (JsonObject)inspect.DeepClone();
        var names = new Dictionary<string, string>
        {
            ["name"] = "Name", ["id"] = "ID", ["driver"] = "Driver", ["network_interface"] = "NetworkInterface",
            ["created"] = "Created", ["subnets"] = "Subnets", ["ipv6_enabled"] = "IPv6Enabled",
            ["internal"] = "Internal", ["dns_enabled"] = "DNSEnabled", ["labels"] = "Labels",
            ["options"] = "Options", ["ipam_options"] = "IPAMOptions", ["containers"] = "Containers",
        };
        foreach (var (json, go) in names)
        {
            view[go] = inspect[json]?.DeepClone() ?? EmptyFor(go);
        }

        view["Subnets"] = GoSubnets(inspect["subnets"] as JsonArray);
        view["Containers"] = GoContainers(inspect["containers"] as JsonObject);
        return view;
    }

    // Podman's Go structs name the nested fields too: {{range .Subnets}}{{.Subnet}}{{end}}.
    private static JsonArray GoSubnets(JsonArray? subnets) =>
        new([.. (subnets ?? []).OfType<JsonObject>().Select(s => (JsonNode?)new JsonObject
        {
            ["Subnet"] = s["subnet"]?.DeepClone() ?? "",
            ["Gateway"] = s["gateway"]?.DeepClone() ?? "",
            ["LeaseRange"] = s["lease_range"] is JsonObject range
                ? new JsonObject
                {
                    ["StartIP"] = range["start_ip"]?.DeepClone() ?? "",
                    ["EndIP"] = range["end_ip"]?.DeepClone() ?? "",
                }
                : null,
        })]);

    private static JsonObject GoContainers(JsonObject? containers) =>
        new((containers ?? []).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonObject
        {
            ["Name"] = c.Value?["name"]?.DeepClone() ?? "",
            ["Interfaces"] = GoInterfaces(c.Value?["interfaces"] as JsonObject),
        })));

    private static JsonObject GoInterfaces(JsonObject? interfaces) =>
        new((interfaces ?? []).Select(i => KeyValuePair.Create(i.Key, (JsonNode?)new JsonObject
        {
            ["Subnets"] = new JsonArray([.. (i.Value?["subnets"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(a => (JsonNode?)new JsonObject
                {
                    ["IPNet"] = a["ipnet"]?.DeepClone() ?? "",
                    ["Gateway"] = a["gateway"]?.DeepClone() ?? "",
                })]),
            ["MacAddress"] = i.Value?["mac_address"]?.DeepClone() ?? "",
        })));

    private static JsonObject Fielded(NetworkDefinition network)
    {
        var subnets = new JsonArray([.. network.Subnets.Select(s => (JsonNode?)new JsonObject
        {
            ["Subnet"] = s.Subnet,
            ["Gateway"] = s.Gateway ?? "",
        })]);
        return new JsonObject
        {
            ["Name"] = network.Name,
            ["Driver"] = network.Driver,
            ["NetworkInterface"] = network.NetworkInterface,
            ["Created"] = HumanUnits.GoTime(network.Created),
            ["Subnets"] = subnets,
            ["IPv6Enabled"] = network.Ipv6Enabled,
            ["Internal"] = network.Internal,
            ["DNSEnabled"] = network.DnsEnabled,
            ["Options"] = Map(network.Options),
            ["IPAMOptions"] = Map(network.IpamOptions),
        };
    }

    private static JsonNode? EmptyFor(string field) => field switch
    {
        "Labels" or "Options" or "IPAMOptions" or "Containers" => new JsonObject(),
        "Subnets" => new JsonArray(),
        _ => "",
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
