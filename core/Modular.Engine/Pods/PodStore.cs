using System.Text.Json;
using Microsoft.Data.Sqlite;
using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Pods;

/// <summary>
/// Pods in SQLite at graphroot/pods.db, beside the container database and opened the same
/// way (WAL, a long busy timeout). A file of its own keeps the containers' migration list
/// untouched. Names are unique by constraint, so racing <c>pod create</c>s cannot share one.
/// </summary>
public sealed class PodStore
{
    private const int SqliteConstraint = 19;

    private const string Schema =
        "CREATE TABLE IF NOT EXISTS pods (id TEXT PRIMARY KEY NOT NULL, "
        + "name TEXT NOT NULL UNIQUE, config TEXT NOT NULL)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;
    private readonly string _containerDatabase;

    public PodStore(string graphRoot)
    {
        Directory.CreateDirectory(graphRoot);
        _containerDatabase = ContainerStore.DatabasePathIn(graphRoot);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = SharedNames.PodDatabaseIn(graphRoot),
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
    }

    /// <summary>Adds a pod; a taken name throws Podman's "pod already exists".</summary>
    public async Task InsertAsync(PodConfig pod, CancellationToken cancellationToken)
    {
        if (await SharedNames.TakenAsync(_containerDatabase, "containers", pod.Name, cancellationToken))
        {
            throw new AlreadyExistsException(
                $"adding pod to state: name \"{pod.Name}\" is in use: container already exists");
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO pods (id, name, config) VALUES ($id, $name, $config)";
        command.Parameters.AddWithValue("$id", pod.Id);
        command.Parameters.AddWithValue("$name", pod.Name);
        command.Parameters.AddWithValue("$config", JsonSerializer.Serialize(pod, Json));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new AlreadyExistsException(
                $"adding pod to state: name \"{pod.Name}\" is in use: pod already exists", ex);
        }
    }

    public async Task UpdateAsync(PodConfig pod, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE pods SET config = $config WHERE id = $id";
        command.Parameters.AddWithValue("$id", pod.Id);
        command.Parameters.AddWithValue("$config", JsonSerializer.Serialize(pod, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM pods WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>By full id, name or unique id prefix; null when none matches.</summary>
    public async Task<PodConfig?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var exact = await QueryAsync("id = $key OR name = $key", nameOrId, cancellationToken);
        if (exact.Count > 0)
        {
            return exact.FirstOrDefault(pod => pod.Id == nameOrId) ?? exact[0];
        }

        if (nameOrId.Length == 0 || !nameOrId.All(Uri.IsHexDigit))
        {
            return null;
        }

        var prefixed = await QueryAsync(
            "substr(id, 1, length($key)) = $key", nameOrId.ToLowerInvariant(), cancellationToken);
        return prefixed.Count switch
        {
            0 => null,
            1 => prefixed[0],
            _ => throw new InvalidInputException(
                $"more than one result for pod \"{nameOrId}\": pod ID is ambiguous"),
        };
    }

    /// <summary>Like <see cref="FindAsync"/>, with Podman's "no such pod" when none matches.</summary>
    public async Task<PodConfig> GetAsync(string nameOrId, CancellationToken cancellationToken) =>
        await FindAsync(nameOrId, cancellationToken) ?? throw NoSuchPod(nameOrId);

    public Task<List<PodConfig>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("1 = 1", "", cancellationToken);

    public static NotFoundException NoSuchPod(string nameOrId) =>
        new($"no pod with name or ID {nameOrId} found: no such pod");

    private async Task<List<PodConfig>> QueryAsync(
        string where,
        string key,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT config FROM pods WHERE {where} ORDER BY rowid";
        command.Parameters.AddWithValue("$key", key);
        var pods = new List<PodConfig>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pods.Add(JsonSerializer.Deserialize<PodConfig>(reader.GetString(0), Json)!);
        }

        return pods;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; " + Schema;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
