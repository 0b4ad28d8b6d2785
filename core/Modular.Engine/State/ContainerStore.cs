using System.Text.Json;
using Microsoft.Data.Sqlite;
using Modular.Contracts.Errors;

namespace Modular.Engine.State;

/// <summary>
/// Containers in SQLite at graphroot/modular.db: WAL so readers never wait for a writer,
/// a busy timeout so concurrent modpod processes queue instead of failing, and a schema
/// version table with ordered migrations. Names are unique by constraint, which is what
/// keeps racing <c>run</c> commands from sharing a generated name.
/// </summary>
public sealed partial class ContainerStore
{
    private const int SqliteConstraint = 19;

    private static readonly JsonSerializerOptions Json = StoreJsonContext.WebOptions();

    private readonly string _connectionString;

    public ContainerStore(string graphRoot)
    {
        Directory.CreateDirectory(graphRoot);
        DatabasePath = DatabasePathIn(graphRoot);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Where the database of the store under <paramref name="graphRoot"/> lives.</summary>
    public static string DatabasePathIn(string graphRoot) => Path.Combine(graphRoot, "modular.db");

    /// <summary>Creates or migrates the schema; safe to call from racing processes.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await StoreSchema.MigrateAsync(connection, cancellationToken);
    }

    /// <summary>Adds a container; a taken name throws <see cref="AlreadyExistsException"/>.</summary>
    public async Task InsertAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        var podDatabase = SharedNames.PodDatabaseIn(Path.GetDirectoryName(DatabasePath)!);
        if (await SharedNames.TakenAsync(podDatabase, "pods", record.Config.Name, cancellationToken))
        {
            throw new AlreadyExistsException($"name \"{record.Config.Name}\" is in use: pod already exists");
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO containers (id, name, config, state) VALUES ($id, $name, $config, $state)";
        command.Parameters.AddWithValue("$id", record.Config.Id);
        command.Parameters.AddWithValue("$name", record.Config.Name);
        command.Parameters.AddWithValue("$config", JsonSerializer.Serialize(record.Config, Json));
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(record.State, Json));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw await NameTakenAsync(record.Config.Name, ex, cancellationToken);
        }
    }

    // Podman's (c/storage's) words, naming the holder's id.
    private async Task<AlreadyExistsException> NameTakenAsync(
        string name,
        SqliteException error,
        CancellationToken cancellationToken)
    {
        var holder = (await FindAsync(name, cancellationToken))?.Config.Id ?? "another container";
        return new AlreadyExistsException(
            $"creating container storage: the container name \"{name}\" is already in use by {holder}. "
            + "You have to remove that container to be able to reuse that name: that name is already in use, "
            + "or use --replace to instruct Podman to do so.",
            error);
    }

    public async Task UpdateStateAsync(
        string id,
        ContainerRuntimeState state,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE containers SET state = $state WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(state, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Rewrites a container's config: only <c>network connect</c> and <c>disconnect</c> do,
    /// under the container's lock.
    /// </summary>
    public async Task UpdateConfigAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE containers SET config = $config WHERE id = $id";
        command.Parameters.AddWithValue("$id", config.Id);
        command.Parameters.AddWithValue("$config", JsonSerializer.Serialize(config, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the config with its new name in one statement; a name taken meanwhile
    /// throws <see cref="AlreadyExistsException"/> and changes nothing.
    /// </summary>
    public async Task RenameAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE containers SET name = $name, config = $config WHERE id = $id";
        command.Parameters.AddWithValue("$id", config.Id);
        command.Parameters.AddWithValue("$name", config.Name);
        command.Parameters.AddWithValue("$config", JsonSerializer.Serialize(config, Json));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new AlreadyExistsException(
                $"the container name \"{config.Name}\" is already in use by another container",
                ex);
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM containers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>By full id, full name or unique id prefix; null when none matches.</summary>
    /// <exception cref="InvalidInputException">The prefix matches more than one container.</exception>
    public async Task<ContainerRecord?> FindAsync(
        string nameOrId,
        CancellationToken cancellationToken)
    {
        var exact = await QueryAsync("id = $key OR name = $key", nameOrId, cancellationToken);
        var byId = exact.FirstOrDefault(record => record.Config.Id == nameOrId);
        if (byId is not null || exact.Count > 0)
        {
            return byId ?? exact[0];
        }

        if (nameOrId.Length == 0 || !nameOrId.All(Uri.IsHexDigit))
        {
            return null;
        }

        var prefixed = await QueryAsync("substr(id, 1, length($key)) = $key", nameOrId.ToLowerInvariant(), cancellationToken);
        return prefixed.Count switch
        {
            0 => null,
            1 => prefixed[0],
            _ => throw new InvalidInputException(
                $"more than one result for container \"{nameOrId}\": container ID is ambiguous"),
        };
    }

    public Task<List<ContainerRecord>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("1 = 1", "", cancellationToken);

    /// <summary>A value in the meta table (boot id), or null.</summary>
    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ContainerRecord>> QueryAsync(
        string where,
        string key,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT config, state FROM containers WHERE {where} ORDER BY rowid";
        command.Parameters.AddWithValue("$key", key);
        var records = new List<ContainerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ContainerRecord(
                JsonSerializer.Deserialize<ContainerConfig>(reader.GetString(0), Json)!,
                JsonSerializer.Deserialize<ContainerRuntimeState>(reader.GetString(1), Json)!));
        }

        return records;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
