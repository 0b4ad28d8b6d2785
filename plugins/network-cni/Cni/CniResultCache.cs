using System.Text.Json.Nodes;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// The conflist and final result of one container's ADD on one network, kept for its DEL:
/// the spec passes the ADD result to DEL as prevResult (dnsname needs it to find its
/// hosts file), and the conflist may change or vanish before the container goes.
/// </summary>
internal sealed class CniResultCache(string directory, string containerId, string networkName)
{
    private string FilePath => Path.Combine(directory, $"{networkName}-{containerId}.json");

    public async Task WriteAsync(JsonObject list, JsonNode? result, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["config"] = list.DeepClone(), ["result"] = result?.DeepClone() };
        await DefinitionFiles.WriteAsync(FilePath, entry.ToJsonString(), cancellationToken);
    }

    public async Task<(JsonObject? List, JsonNode? Result)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return (null, null);
        }

        try
        {
            var entry = JsonNode.Parse(await File.ReadAllTextAsync(FilePath, cancellationToken));
            return (entry?["config"]?.DeepClone() as JsonObject, entry?["result"]?.DeepClone());
        }
        catch (System.Text.Json.JsonException)
        {
            // A cache cut short by a crash: DEL without a previous result still frees the lease.
            return (null, null);
        }
    }

    public void Delete() => File.Delete(FilePath);
}
