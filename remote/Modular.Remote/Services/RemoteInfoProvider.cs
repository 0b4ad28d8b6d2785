using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Info;

namespace Modular.Remote.Services;

/// <summary><c>info</c> and the Server block of <c>version</c>, as the service reports them.</summary>
public sealed class RemoteInfoProvider(LibpodClient libpod) : IInfoProvider
{
    public async Task<InfoReport> GetInfoAsync(CancellationToken cancellationToken)
    {
        var info = await libpod.GetJsonAsync("libpod/info", cancellationToken) as JsonObject
            ?? throw new BackendException("info: empty answer");
        return new InfoReport(info, (JsonObject)GoNames((JsonObject)info.DeepClone(), renameKeys: true));
    }

    // Templates see Podman's Go field names (.Host.OCIRuntime.Name) where the JSON has its
    // tags (host.ociRuntime.name): the Go name is the tag with a capital first letter, but
    // for these. Maps keep their keys (registry names, graph options, plugin ids).
    private static readonly Dictionary<string, string> GoSpellings = new(StringComparer.Ordinal)
    {
        ["apparmorEnabled"] = "AppArmorEnabled",
        ["cpus"] = "CPUs",
        ["cgroupVersion"] = "CgroupsVersion",
        ["dns"] = "DNS",
        ["capabilities"] = "DefaultCapabilities",
        ["ociRuntime"] = "OCIRuntime",
        ["os"] = "OS",
        ["seccompEnabled"] = "SECCOMPEnabled",
        ["seccompProfilePath"] = "SECCOMPProfilePath",
        ["selinuxEnabled"] = "SELinuxEnabled",
    };

    private static readonly HashSet<string> MapValued =
        ["registries", "graphOptions", "graphStatus", "modularPlugins"];

    private static JsonNode GoNames(JsonNode node, bool renameKeys)
    {
        switch (node)
        {
            case JsonObject map:
                var renamed = new JsonObject();
                foreach (var (key, value) in map.ToList())
                {
                    map.Remove(key);
                    var name = !renameKeys ? key
                        : GoSpellings.TryGetValue(key, out var go) ? go
                        : key.Length > 0 ? char.ToUpperInvariant(key[0]) + key[1..] : key;
                    renamed[name] = value is null ? null : GoNames(value, renameKeys && !MapValued.Contains(key));
                }

                return renamed;
            case JsonArray list:
                var items = list.ToList();
                list.Clear();
                return new JsonArray([.. items.Select(i => i is null ? null : GoNames(i, renameKeys))]);
            default:
                return node;
        }
    }

    public InfoReport GetVersion() =>
        throw new CapabilityMissingException("version is asked of the service with ServerVersionAsync");

    /// <summary>GET /libpod/version: the service's own version object.</summary>
    public async Task<JsonObject> ServerVersionAsync(CancellationToken cancellationToken) =>
        await libpod.GetJsonAsync("libpod/version", cancellationToken) as JsonObject
            ?? throw new BackendException("version: empty answer");
}
