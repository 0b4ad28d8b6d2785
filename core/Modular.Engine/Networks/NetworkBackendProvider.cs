using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Contracts.Plugins;
using Modular.Engine.Configuration;
using Modular.Engine.Plugins;

namespace Modular.Engine.Networks;

/// <summary>
/// The network backend chosen by containers.conf <c>network_backend</c>, loaded through the
/// plugin host and initialized once, on first use: commands that need no network never
/// load it.
/// </summary>
public sealed class NetworkBackendProvider(PluginHost host, EngineOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private INetworkBackend? _backend;

    /// <summary>A provider of an already made backend (initialized on first use), for tests.</summary>
    public static NetworkBackendProvider For(INetworkBackend backend, PluginHost host, EngineOptions options) =>
        new(host, options) { _backend = backend, _pendingInitialize = true };

    private bool _pendingInitialize;

    /// <summary>Where the backend keeps runtime state: runroot/networks.</summary>
    public string RunDirectory => Path.Combine(options.RunRoot, "networks");

    /// <exception cref="InvalidInputException">No installed plugin offers the configured id.</exception>
    /// <exception cref="BackendException">The plugin failed to load or initialize.</exception>
    public async Task<INetworkBackend> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_pendingInitialize && _backend is not null)
            {
                await _backend.InitializeAsync(BackendOptions(), cancellationToken);
                _pendingInitialize = false;
            }

            return _backend ??= await CreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<INetworkBackend> CreateAsync(CancellationToken cancellationToken)
    {
        var id = options.Networking.NetworkBackend;
        var backend = host.Load<INetworkBackend>(PluginKind.Network, id) ?? throw Unknown(id);
        try
        {
            await backend.InitializeAsync(BackendOptions(), cancellationToken);
        }
        catch (Exception e) when (e is not (ModularException or OperationCanceledException))
        {
            throw new BackendException($"network plugin \"{id}\" failed to initialize: {e.Message}", e);
        }

        return backend;
    }

    private NetworkBackendOptions BackendOptions()
    {
        var network = options.Networking;
        return new NetworkBackendOptions(
            network.ConfigDirectory,
            RunDirectory,
            network.BackendProgramDirectories,
            network.FirewallDriver);
    }

    // Podman's wording for an unknown backend, plus what is installed.
    private InvalidInputException Unknown(string id)
    {
        var installed = host.Catalog.IdsOf(PluginKind.Network);
        var choices = installed.Count == 0 ? "no network plugins are installed" : $"installed: {string.Join(", ", installed)}";
        return new InvalidInputException($"unsupported network backend \"{id}\" ({choices})");
    }
}
