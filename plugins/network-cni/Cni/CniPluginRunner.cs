using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// Runs one CNI plugin the way libcni does: its config on stdin, completed with the list's
/// name and version, the previous result and the capability arguments it declares, and
/// host-local's dataDir pointed at Modular's run directory.
/// </summary>
internal sealed class CniPluginRunner(
    ProgramRunner runner,
    IReadOnlyList<string> pluginDirectories,
    string dataDirectory,
    string dnsnameRuntimeDirectory)
{
    public async Task<JsonNode?> RunAsync(
        string command,
        JsonObject list,
        JsonObject plugin,
        JsonNode? previousResult,
        CniInvocation invocation,
        CancellationToken cancellationToken)
    {
        var type = JsonMaps.Text(plugin, "type")
            ?? throw new BackendException("a CNI plugin without \"type\"");
        var program = ExecutableSearch.TryFind(type, pluginDirectories)
            ?? throw new BackendException(
                $"failed to find plugin \"{type}\" in path [{string.Join(" ", pluginDirectories)}]");

        var config = Complete(list, plugin, previousResult, invocation);
        var result = await runner.RunAsync(
            program, [], config.ToJsonString(), Environment(command, invocation), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BackendException(
                $"plugin type=\"{type}\" failed ({command.ToLowerInvariant()}): {ErrorMessage(result)}");
        }

        return ParseResult(result.StandardOutput, previousResult);
    }

    private JsonObject Complete(
        JsonObject list,
        JsonObject plugin,
        JsonNode? previousResult,
        CniInvocation invocation)
    {
        var config = (JsonObject)plugin.DeepClone();
        config["cniVersion"] = JsonMaps.Text(list, "cniVersion") ?? CniConfList.Version;
        config["name"] = JsonMaps.Text(list, "name");
        if (previousResult is not null)
        {
            config["prevResult"] = previousResult.DeepClone();
        }

        var runtime = RuntimeConfig(plugin, invocation);
        if (runtime.Count > 0)
        {
            config["runtimeConfig"] = runtime;
        }

        if (config["ipam"] is JsonObject ipam && JsonMaps.Text(ipam, "type") == "host-local")
        {
            // Leases are Modular's own, never in /var/lib/cni where Podman keeps its own.
            ipam["dataDir"] = dataDirectory;
        }

        return config;
    }

    private static JsonObject RuntimeConfig(JsonObject plugin, CniInvocation invocation)
    {
        var runtime = new JsonObject();
        if (plugin["capabilities"] is not JsonObject declared)
        {
            return runtime;
        }

        foreach (var (name, value) in invocation.Capabilities)
        {
            if (JsonMaps.Flag(declared, name))
            {
                runtime[name] = value.DeepClone();
            }
        }

        return runtime;
    }

    private Dictionary<string, string?> Environment(string command, CniInvocation invocation) => new()
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = invocation.ContainerId,
        ["CNI_NETNS"] = invocation.NamespacePath,
        ["CNI_IFNAME"] = invocation.InterfaceName,
        ["CNI_ARGS"] = invocation.CniArgs,
        ["CNI_PATH"] = string.Join(':', pluginDirectories),

        // dnsname keeps dnsmasq's files in $XDG_RUNTIME_DIR/containers/cni/dnsname, or in
        // /run/containers/cni/dnsname (Podman's) without it: this moves them under ours.
        ["XDG_RUNTIME_DIR"] = dnsnameRuntimeDirectory,
    };

    /// <summary>A plugin's error: <c>{"code": N, "msg": "...", "details": "..."}</c> on stdout.</summary>
    private static string ErrorMessage(ProgramResult result)
    {
        try
        {
            var json = JsonNode.Parse(result.StandardOutput);
            if (JsonMaps.Text(json, "msg") is { } message)
            {
                var details = JsonMaps.Text(json, "details");
                return string.IsNullOrEmpty(details) ? message : $"{message}; {details}";
            }
        }
        catch (JsonException)
        {
            // Not the CNI error format: the plugin crashed; what it printed is all there is.
        }

        var text = (result.StandardError.Trim() + " " + result.StandardOutput.Trim()).Trim();
        return text.Length > 0 ? text : $"exited with status {result.ExitCode}";
    }

    private static JsonNode? ParseResult(string output, JsonNode? previousResult)
    {
        // DEL prints nothing; a chained plugin passes the previous result on.
        if (string.IsNullOrWhiteSpace(output))
        {
            return previousResult;
        }

        try
        {
            return JsonNode.Parse(output);
        }
        catch (JsonException e)
        {
            throw new BackendException($"unreadable CNI result: {e.Message}", e);
        }
    }
}
