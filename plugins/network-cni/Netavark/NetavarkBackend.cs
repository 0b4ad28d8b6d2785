using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Netavark;

/// <summary>
/// Networks through netavark: definitions are Podman's netavark JSON files, and each
/// setup or teardown is one netavark run with the options document on stdin. netavark
/// assigns no addresses, so the engine passes static ones. Its firewall state and its
/// aardvark-dns instance live under RunDirectory/netavark, never Podman's directory.
/// </summary>
public sealed class NetavarkBackend(ILogger<NetavarkBackend> logger) : INetworkBackend
{
    public const string BackendId = "netavark";

    /// <summary>Podman's helper_binaries_dir default, searched after the configured ones.</summary>
    internal static readonly string[] DefaultHelperDirectories =
    [
        "/usr/local/libexec/podman", "/usr/local/lib/podman", "/usr/libexec/podman", "/usr/lib/podman",
    ];

    private readonly ProgramRunner _runner = new(logger);
    private NetworkBackendOptions? _options;

    public string Id => BackendId;

    public bool AllocatesAddresses => false;

    private NetworkBackendOptions Options =>
        _options ?? throw new InvalidOperationException("netavark backend used before InitializeAsync");

    /// <summary>netavark's --config: aardvark-dns keeps its files in aardvark-dns/ below it.</summary>
    internal string StateDirectory => Path.Combine(Options.RunDirectory, "netavark");

    public Task InitializeAsync(NetworkBackendOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NetworkDefinition>> LoadNetworksAsync(CancellationToken cancellationToken) =>
        DefinitionFiles.LoadAsync(
            Options.ConfigDirectory, "*.json", ReadDefinition, logger, cancellationToken);

    public async Task WriteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        var json = NetavarkNetworkJson.ToJson(network).ToJsonString(DefinitionFiles.Indented);
        await DefinitionFiles.WriteAsync(FilePath(network), json, cancellationToken);
    }

    public Task DeleteNetworkAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        // netavark removes the bridge and its firewall chains with the last container.
        File.Delete(FilePath(network));
        return Task.CompletedTask;
    }

    public async Task<NetworkSetupResult> SetupAsync(
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        string output;
        try
        {
            output = await RunAsync("setup", request, cancellationToken);
        }
        catch (BackendException)
        {
            // netavark 1.4 leaves what it did before failing (a veth, rules) in place.
            await RollBackAsync(request);
            throw;
        }

        try
        {
            return NetavarkStatusJson.FromJson(JsonNode.Parse(output) ?? new JsonObject(), request);
        }
        catch (JsonException e)
        {
            throw new BackendException($"netavark: unreadable setup answer: {e.Message}", e);
        }
    }

    public async Task TeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken)
    {
        if (request.Networks.Count == 0)
        {
            return;
        }

        if (File.Exists(request.NamespacePath))
        {
            await TolerantTeardownAsync(request, cancellationToken);
            return;
        }

        var interfaces = request.Networks
            .Select(n => n.InterfaceName)
            .Distinct()
            .ToDictionary(name => name, _ => (IReadOnlyList<string>)[]);
        await using var standIn = await StandInNamespace.CreateAsync(_runner, interfaces, cancellationToken);
        await TolerantTeardownAsync(request with { NamespacePath = standIn.Path }, cancellationToken);
    }

    /// <summary>
    /// A second teardown, or one after the namespace went, finds interfaces and aardvark
    /// entries already gone; netavark says "No such ..." about them. Detached is detached.
    /// </summary>
    private async Task TolerantTeardownAsync(NetworkSetupRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("teardown", request, cancellationToken);
        }
        catch (BackendException e) when (OnlyMissingThings(e.Message))
        {
            NetworkLog.TeardownProblem(logger, NetworkNames(request), request.ContainerId, e.Message);
        }
    }

    internal static bool OnlyMissingThings(string message) =>
        message.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && line != "netavark: netavark encountered multiple errors:")
            .All(line => line.Contains("No such file or directory") || line.Contains("No such device"));

    private async Task RollBackAsync(NetworkSetupRequest request)
    {
        try
        {
            // Its own short deadline: the caller's token may be what cancelled the setup.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await RunAsync("teardown", request, timeout.Token);
        }
        catch (BackendException e)
        {
            // Expected when setup failed early: there is little or nothing to undo.
            NetworkLog.TeardownProblem(logger, NetworkNames(request), request.ContainerId, e.Message);
        }
    }

    private static string NetworkNames(NetworkSetupRequest request) =>
        string.Join(",", request.Networks.Select(n => n.Network.Name));

    private static NetworkDefinition ReadDefinition(string path, string text) =>
        NetavarkNetworkJson.FromJson(JsonNode.Parse(text) ?? throw new FormatException("empty file"));

    private string FilePath(NetworkDefinition network) =>
        Path.Combine(Options.ConfigDirectory, network.Name + ".json");

    private async Task<string> RunAsync(
        string verb,
        NetworkSetupRequest request,
        CancellationToken cancellationToken)
    {
        var netavark = ExecutableSearch.Find("netavark", HelperDirectories());
        Directory.CreateDirectory(StateDirectory);
        List<string> arguments = ["--config", StateDirectory, "--rootless=false"];
        var aardvark = ExecutableSearch.TryFind("aardvark-dns", HelperDirectories());
        if (aardvark is not null)
        {
            arguments.AddRange(["--aardvark-binary", aardvark]);
        }

        arguments.AddRange([verb, request.NamespacePath]);
        NetworkLog.Step(logger, NetworkNames(request), verb, request.ContainerId);

        var input = NetavarkOptionsJson.ToJson(request).ToJsonString();
        var result = await _runner.RunAsync(netavark, arguments, input, Environment(), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BackendException("netavark: " + ErrorMessage(result));
        }

        return result.StandardOutput;
    }

    private IReadOnlyDictionary<string, string?> Environment() =>
        string.IsNullOrEmpty(Options.FirewallDriver)
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?> { ["NETAVARK_FW"] = Options.FirewallDriver };

    private IReadOnlyList<string> HelperDirectories() =>
        [.. Options.PluginDirectories, .. DefaultHelperDirectories];

    /// <summary>netavark prints <c>{"error": "..."}</c> on stdout when it fails.</summary>
    internal static string ErrorMessage(ProgramResult result)
    {
        try
        {
            if (JsonMaps.Text(JsonNode.Parse(result.StandardOutput), "error") is { } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: netavark died before it could answer; stderr says why.
        }

        var text = (result.StandardError.Trim() + " " + result.StandardOutput.Trim()).Trim();
        return text.Length > 0 ? text : $"exited with status {result.ExitCode}";
    }
}
