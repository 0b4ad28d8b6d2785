using CliWrap;
using Modular.EndToEnd.Networks;

namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// In a matrix cell that names a network backend, a store's default network is its own:
/// named (default_network) and bridged mpm+hex, on a claimed 10.203.N.0/24, in the
/// store's own network_config_dir, so cells share neither modpod0 and its leases nor the
/// firewall chains netavark names after the network with other runs on the host.
/// DisposeAsync deletes the bridge and releases the subnet.
/// </summary>
internal sealed class MatrixNetwork : IAsyncDisposable
{
    private readonly int _octet;

    private MatrixNetwork(string directory, string backend)
    {
        _octet = SubnetClaims.Claim();
        Bridge = "mpm" + Guid.NewGuid().ToString("N")[..6];
        ConfigDirectory = System.IO.Directory.CreateDirectory(Path.Combine(directory, "networks")).FullName;
        Table =
        [
            "[network]",
            $"network_backend = \"{backend}\"",
            $"network_config_dir = \"{ConfigDirectory}\"",
            $"default_network = \"{Bridge}\"",
        ];
    }

    public string Bridge { get; }

    public string ConfigDirectory { get; }

    /// <summary>The [network] table for containers.conf.</summary>
    public IReadOnlyList<string> Table { get; }

    /// <summary>Null outside a matrix cell, or when the test wrote its own [network] table.</summary>
    public static async Task<MatrixNetwork?> CreateAsync(string directory, StoreOptions options)
    {
        var ownTable = options.ExtraTables?.Any(line => line.Trim() == "[network]") ?? false;
        if (MatrixCell.NetworkBackend is not { } backend || ownTable)
        {
            return null;
        }

        var network = new MatrixNetwork(directory, backend);
        await DefaultNetworkFile.WriteAsync(
            backend, network.ConfigDirectory, network.Bridge, network._octet, name: network.Bridge);
        return network;
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded: cleanup runs after failures too and must not hang the suite.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            if (System.IO.Directory.Exists(Path.Combine("/sys/class/net", Bridge)))
            {
                await Cli.Wrap("ip").WithArguments(["link", "delete", Bridge])
                    .WithValidation(CommandResultValidation.None).ExecuteAsync(timeout.Token);
            }
        }
        finally
        {
            SubnetClaims.Release(_octet);
        }
    }
}
