using System.Text.Json;
using Microsoft.Data.Sqlite;
using Modular.Contracts.Network;

namespace Modular.Engine.Networks;

/// <summary>
/// Address leases and attachment status in SQLite at runroot/networks/leases.db. Runroot,
/// not graphroot, as Podman keeps netavark's ipam.db under its network run directory: a
/// lease lives exactly as long as a container's namespace, and both vanish with a reboot,
/// so no lease can outlive its container across one. Callers hold the network lock for
/// writes; SQLite's busy timeout covers readers that do not.
/// </summary>
public sealed partial class LeaseStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS leases (
            network TEXT NOT NULL, subnet TEXT NOT NULL, address TEXT NOT NULL,
            container_id TEXT NOT NULL, PRIMARY KEY (network, address));
        CREATE TABLE IF NOT EXISTS last_leased (
            network TEXT NOT NULL, subnet TEXT NOT NULL, address TEXT NOT NULL,
            PRIMARY KEY (network, subnet));
        CREATE TABLE IF NOT EXISTS attachments (
            container_id TEXT NOT NULL, network TEXT NOT NULL, container_name TEXT NOT NULL,
            status TEXT NOT NULL, PRIMARY KEY (container_id, network));
        """;

    private readonly string _connectionString;
    private bool _initialized;

    public LeaseStore(string directory)
    {
        DatabasePath = Path.Combine(directory, "leases.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task<List<Lease>> LeasesAsync(string network, CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT network, subnet, address, container_id FROM leases WHERE network = $a",
            [network],
            ReadLease,
            cancellationToken);

    public async Task<List<Lease>> LeasesOfAsync(string containerId, CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT network, subnet, address, container_id FROM leases WHERE container_id = $a",
            [containerId],
            ReadLease,
            cancellationToken);

    /// <summary>Every lease, for tests and leak checks.</summary>
    public async Task<List<Lease>> AllLeasesAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT network, subnet, address, container_id FROM leases", [], ReadLease, cancellationToken);

    public async Task<string?> LastLeasedAsync(string network, string subnet, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT address FROM last_leased WHERE network = $a AND subnet = $b",
            [network, subnet],
            r => r.GetString(0),
            cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>Records a lease; <paramref name="remember"/> makes it the round-robin mark.</summary>
    public async Task TakeAsync(Lease lease, bool remember, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "INSERT INTO leases (network, subnet, address, container_id) VALUES ($a, $b, $c, $d)",
            [lease.Network, lease.Subnet, lease.Address, lease.ContainerId],
            cancellationToken);
        if (remember)
        {
            await ExecuteAsync(
                "INSERT OR REPLACE INTO last_leased (network, subnet, address) VALUES ($a, $b, $c)",
                [lease.Network, lease.Subnet, lease.Address],
                cancellationToken);
        }
    }

    /// <summary>Frees the container's leases on the network.</summary>
    public Task ReleaseAsync(string containerId, string network, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM leases WHERE container_id = $a AND network = $b",
            [containerId, network],
            cancellationToken);

    /// <summary>Forgets everything about a removed network.</summary>
    public async Task ForgetNetworkAsync(string network, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "leases", "last_leased", "attachments" })
        {
            await ExecuteAsync($"DELETE FROM {table} WHERE network = $a", [network], cancellationToken);
        }
    }

    public Task SaveStatusAsync(
        AttachedContainer attached,
        CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT OR REPLACE INTO attachments (container_id, network, container_name, status) "
            + "VALUES ($a, $b, $c, $d)",
            [attached.ContainerId, attached.Network, attached.ContainerName,
             JsonSerializer.Serialize(attached.Status, Json)],
            cancellationToken);

    public Task DeleteStatusAsync(string containerId, string network, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM attachments WHERE container_id = $a AND network = $b",
            [containerId, network],
            cancellationToken);

    public Task<List<AttachedContainer>> AttachedToAsync(string network, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT container_id, container_name, network, status FROM attachments WHERE network = $a",
            [network],
            ReadAttached,
            cancellationToken);

    public Task<List<AttachedContainer>> AttachmentsOfAsync(string containerId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT container_id, container_name, network, status FROM attachments WHERE container_id = $a",
            [containerId],
            ReadAttached,
            cancellationToken);

    private static Lease ReadLease(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    private static AttachedContainer ReadAttached(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2),
            JsonSerializer.Deserialize<NetworkStatus>(r.GetString(3), Json)
                ?? new NetworkStatus([], [], []));
}
