using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>ADD and DEL of the chains, with the results cached for DEL as libcni does.</summary>
public sealed partial class CniBackend
{
    public async Task<NetworkSetupResult> SetupAsync(
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        var runner = PluginRunner();
        await SetupLoopbackAsync(runner, request, cancellationToken);

        var statuses = new Dictionary<string, NetworkStatus>();
        var attached = new List<NetworkAttachment>();
        try
        {
            foreach (var attachment in request.Networks)
            {
                attached.Add(attachment);
                var result = await AddAsync(runner, request, attachment, cancellationToken);
                statuses[attachment.Network.Name] = CniResultJson.ToStatus(result);
            }
        }
        catch (Exception) when (attached.Count > 0)
        {
            // Half a setup is worse than none: the engine sees a failure and nothing to undo.
            await DeleteAllAsync(runner, request with { Networks = attached }, CancellationToken.None);
            throw;
        }

        return new NetworkSetupResult(statuses);
    }

    public async Task TeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken)
    {
        List<string> problems;
        if (File.Exists(request.NamespacePath))
        {
            problems = await DeleteAllAsync(PluginRunner(), request, cancellationToken);
        }
        else
        {
            var interfaces = await CachedAddressesAsync(request, cancellationToken);
            await using var standIn =
                await StandInNamespace.CreateAsync(_runner, interfaces, cancellationToken);
            problems = await DeleteAllAsync(
                PluginRunner(), request with { NamespacePath = standIn.Path }, cancellationToken);
        }

        if (problems.Count > 0)
        {
            throw new BackendException(string.Join("; ", problems));
        }
    }

    /// <summary>Per interface, the addresses the cached ADD results gave the container.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> CachedAddressesAsync(
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        var interfaces = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var attachment in request.Networks)
        {
            var cache = new CniResultCache(ResultDirectory, request.ContainerId, attachment.Network.Name);
            var (_, result) = await cache.ReadAsync(cancellationToken);
            var status = CniResultJson.ToStatus(result);
            interfaces[attachment.InterfaceName] = status.Interfaces
                .Where(i => i.Name == attachment.InterfaceName)
                .SelectMany(i => i.Addresses.Select(a => a.Cidr))
                .ToList();
        }

        return interfaces;
    }

    private async Task<JsonNode?> AddAsync(
        CniPluginRunner runner,
        NetworkSetupRequest request,
        NetworkAttachment attachment,
        CancellationToken cancellationToken)
    {
        NetworkLog.Step(logger, attachment.Network.Name, "ADD", request.ContainerId);
        var list = WithIpsCapability(await ConfListAsync(attachment.Network, cancellationToken), attachment);
        var invocation = Invocation(request, attachment);
        var cache = new CniResultCache(ResultDirectory, request.ContainerId, attachment.Network.Name);
        await cache.WriteAsync(list, null, cancellationToken);

        JsonNode? result = null;
        foreach (var plugin in Plugins(list))
        {
            result = await runner.RunAsync("ADD", list, plugin, result, invocation, cancellationToken);
        }

        await cache.WriteAsync(list, result, cancellationToken);
        return result;
    }

    /// <summary>DEL every network's chain in reverse, going on past failures; returns them.</summary>
    private async Task<List<string>> DeleteAllAsync(
        CniPluginRunner runner,
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var attachment in request.Networks.Reverse())
        {
            NetworkLog.Step(logger, attachment.Network.Name, "DEL", request.ContainerId);
            var cache = new CniResultCache(ResultDirectory, request.ContainerId, attachment.Network.Name);
            var (list, result) = await cache.ReadAsync(cancellationToken);
            list ??= await ConfListAsync(attachment.Network, cancellationToken);
            var invocation = Invocation(request, attachment);
            foreach (var plugin in Plugins(list).Reverse())
            {
                try
                {
                    await runner.RunAsync("DEL", list, plugin, result, invocation, cancellationToken);
                }
                catch (BackendException e)
                {
                    NetworkLog.TeardownProblem(
                        logger, attachment.Network.Name, request.ContainerId, e.Message);
                    problems.Add(e.Message);
                }
            }

            cache.Delete();
            await AfterLastContainerAsync(attachment.Network, cancellationToken);
        }

        return problems;
    }

    private async Task AfterLastContainerAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        var dnsmasqDirectory = Path.Combine(
            DnsnameRuntimeDirectory, "containers", "cni", "dnsname", network.Name);
        if (network.DnsEnabled && !Directory.Exists(dnsmasqDirectory))
        {
            await new DnsnameFirewallRules(_runner).RemoveAsync(network.NetworkInterface, cancellationToken);
        }
    }

    private async Task SetupLoopbackAsync(
        CniPluginRunner runner,
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        // Podman brings lo up itself before the chains; the loopback plugin does the same.
        var list = new JsonObject { ["cniVersion"] = CniConfList.Version, ["name"] = "lo" };
        var plugin = new JsonObject { ["type"] = "loopback" };
        var invocation = new CniInvocation(
            request.ContainerId, request.NamespacePath, "lo", "IgnoreUnknown=1",
            new Dictionary<string, JsonNode>());
        await runner.RunAsync("ADD", list, plugin, null, invocation, cancellationToken);
    }

    /// <summary>The written conflist if there is one (maybe hand-edited), else the definition's.</summary>
    private async Task<JsonObject> ConfListAsync(
        NetworkDefinition network,
        CancellationToken cancellationToken)
    {
        var path = FilePath(network.Name);
        if (File.Exists(path)
            && JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) is JsonObject list)
        {
            return list;
        }

        return CniConfList.ToJson(network, FirewallBackend);
    }

    /// <summary>
    /// Several static addresses go through the ips capability, which the first plugin must
    /// declare to receive them; Podman adds the declaration the same way.
    /// </summary>
    private static JsonObject WithIpsCapability(JsonObject list, NetworkAttachment attachment)
    {
        if (attachment.StaticIps.Count > 1 && Plugins(list).FirstOrDefault() is { } first)
        {
            var capabilities = first["capabilities"] as JsonObject ?? new JsonObject();
            capabilities["ips"] = true;
            first["capabilities"] = capabilities;
        }

        return list;
    }

    private static IEnumerable<JsonObject> Plugins(JsonObject list) =>
        (list["plugins"] as JsonArray ?? []).OfType<JsonObject>();

    private static CniInvocation Invocation(NetworkSetupRequest request, NetworkAttachment attachment)
    {
        // As Podman: dnsname takes the name from K8S_POD_NAME; one static IP goes in IP=,
        // several through the ips capability (bridge and host-local 1.x take both).
        var args = new List<string> { "IgnoreUnknown=1", "K8S_POD_NAME=" + request.ContainerName };
        if (!string.IsNullOrEmpty(attachment.StaticMac))
        {
            args.Add("MAC=" + attachment.StaticMac);
        }

        if (attachment.StaticIps.Count == 1)
        {
            args.Add("IP=" + attachment.StaticIps[0]);
        }

        return new CniInvocation(
            request.ContainerId,
            request.NamespacePath,
            attachment.InterfaceName,
            string.Join(';', args),
            CniCapabilities.For(request, attachment));
    }
}
