using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// Networks through the CNI plugins, run directly (no libcni): definitions are Podman 4
/// conflists, host-local picks addresses (honouring static ones through the IP argument
/// or the ips capability), dnsname runs dnsmasq for names and aliases. Leases, cached
/// results and dnsmasq's files live under RunDirectory/cni, never /var/lib/cni or
/// /run/containers.
/// </summary>
public sealed partial class CniBackend(ILogger<CniBackend> logger) : INetworkBackend
{
    public const string BackendId = "cni";

    /// <summary>Podman's cni_plugin_dirs default, searched after the configured ones.</summary>
    internal static readonly string[] DefaultPluginDirectories =
    [
        "/usr/local/libexec/cni", "/usr/libexec/cni", "/usr/local/lib/cni", "/usr/lib/cni", "/opt/cni/bin",
    ];

    private readonly ProgramRunner _runner = new(logger);
    private NetworkBackendOptions? _options;

    public string Id => BackendId;

    public bool AllocatesAddresses => true;

    private NetworkBackendOptions Options =>
        _options ?? throw new InvalidOperationException("cni backend used before InitializeAsync");

    internal string StateDirectory => Path.Combine(Options.RunDirectory, "cni");

    /// <summary>host-local's dataDir: one directory of leases per network name.</summary>
    internal string LeaseDirectory => Path.Combine(StateDirectory, "networks");

    internal string ResultDirectory => Path.Combine(StateDirectory, "results");

    /// <summary>dnsname's XDG_RUNTIME_DIR; its files go in containers/cni/dnsname/NAME below.</summary>
    internal string DnsnameRuntimeDirectory => Path.Combine(StateDirectory, "dnsname");

    public Task InitializeAsync(NetworkBackendOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NetworkDefinition>> LoadNetworksAsync(CancellationToken cancellationToken) =>
        DefinitionFiles.LoadAsync(
            Options.ConfigDirectory, "*.conflist", ReadDefinition, logger, cancellationToken);

    public async Task WriteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        var json = CniConfList.ToJson(network, FirewallBackend).ToJsonString(DefinitionFiles.Indented);
        await DefinitionFiles.WriteAsync(FilePath(network.Name), json, cancellationToken);
        File.SetLastWriteTimeUtc(FilePath(network.Name), network.Created.UtcDateTime);
    }

    public async Task DeleteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        File.Delete(FilePath(network.Name));
        DeleteDirectory(Path.Combine(LeaseDirectory, network.Name));

        // The bridge plugin never removes its bridge; Podman's CNI backend does on rm.
        if (network.Driver == "bridge" && network.NetworkInterface.Length > 0
            && Directory.Exists(Path.Combine("/sys/class/net", network.NetworkInterface)))
        {
            await _runner.RunAsync(
                ExecutableSearch.System("ip"), ["link", "delete", network.NetworkInterface], null,
                new Dictionary<string, string?>(), cancellationToken);
        }

        if (network.Driver == "bridge")
        {
            await new DnsnameFirewallRules(_runner).RemoveAsync(network.NetworkInterface, cancellationToken);
        }
    }

    /// <summary>The firewall plugin knows iptables and firewalld; anything else is its default.</summary>
    private string FirewallBackend =>
        Options.FirewallDriver is "iptables" or "firewalld" ? Options.FirewallDriver : "";

    private string FilePath(string name) => Path.Combine(Options.ConfigDirectory, name + ".conflist");

    /// <summary>Podman dates a CNI network by its file; we set the file's time when writing.</summary>
    private static NetworkDefinition ReadDefinition(string path, string text) =>
        CniConfList.FromJson(
            JsonNode.Parse(text) ?? throw new FormatException("empty file"),
            new DateTimeOffset(File.GetLastWriteTimeUtc(path)));

    private IReadOnlyList<string> PluginDirectories() =>
        [.. Options.PluginDirectories, .. DefaultPluginDirectories];

    private CniPluginRunner PluginRunner() =>
        new(
            _runner,
            PluginDirectories().Where(Directory.Exists).ToList(),
            LeaseDirectory,
            DnsnameRuntimeDirectory);

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
