using System.Text.Json;
using Microsoft.Data.Sqlite;
using Modular.Contracts.Errors;
using Modular.Engine.Locking;

namespace Modular.Engine.Volumes;

/// <summary>
/// Volumes under graphroot/volumes/NAME/_data (Podman's layout, in Modular's own store) with
/// their metadata in SQLite at graphroot/volumes/volumes.db. A file of its own rather than a
/// table in the container database: volumes outlive containers and are listed, created and
/// pruned without the container schema, whose migrations then stay the containers' alone.
/// One flock lock (runroot/locks/volumes.lock) serialises every change, so a create and a
/// racing remove or a mount count update cannot interleave.
/// </summary>
public sealed class VolumeStore
{
    private const int SqliteConstraint = 19;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;
    private readonly string _lockPath;

    public VolumeStore(string graphRoot, string runRoot)
    {
        Root = Path.Combine(graphRoot, "volumes");
        _lockPath = Path.Combine(runRoot, "locks", "volumes.lock");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Root, "volumes.db"),
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
    }

    /// <summary>graphroot/volumes.</summary>
    public string Root { get; }

    public string DirectoryOf(string name) => Path.Combine(Root, name);

    /// <summary>The directory containers see: graphroot/volumes/NAME/_data.</summary>
    public string MountPointOf(string name) => Path.Combine(Root, name, "_data");

    /// <summary>Holds the volumes lock until disposed.</summary>
    public Task<FileLock> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_lockPath)!);
        return FileLock.AcquireAsync(_lockPath, cancellationToken);
    }

    /// <summary>Adds a row; the name taken throws <see cref="AlreadyExistsException"/>.</summary>
    public async Task<VolumeRecord> InsertAsync(VolumeRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO volumes (name, record) VALUES ($name, '{}'); SELECT last_insert_rowid();";
        command.Parameters.AddWithValue("$name", record.Name);
        try
        {
            var rowId = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            record = record with { LockNumber = (int)rowId };
            await UpdateAsync(record, cancellationToken);
            return record;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new AlreadyExistsException(
                $"volume with name {record.Name} already exists: volume already exists", ex);
        }
    }

    public async Task UpdateAsync(VolumeRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE volumes SET record = $record WHERE name = $name";
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$record", JsonSerializer.Serialize(record, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM volumes WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<VolumeRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync("name = $name", name, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// Finds a volume by full name or, as Podman does, by a unique partial name (handy for
    /// anonymous volumes); otherwise throws Podman's "no such volume".
    /// </summary>
    public async Task<VolumeRecord> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is { } exact)
        {
            return exact;
        }

        var partial = name.Length == 0
            ? []
            : (await ListAsync(cancellationToken)).Where(v => v.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
        return partial.Count switch
        {
            1 => partial[0],
            0 => throw new NotFoundException($"no volume with name \"{name}\" found: no such volume"),
            _ => throw new InvalidInputException($"more than one result for volume name {name}: volume already exists"),
        };
    }

    public Task<List<VolumeRecord>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("1 = 1", "", cancellationToken);

    private async Task<List<VolumeRecord>> QueryAsync(
        string where,
        string name,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT record FROM volumes WHERE {where} ORDER BY name";
        command.Parameters.AddWithValue("$name", name);
        var records = new List<VolumeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(JsonSerializer.Deserialize<VolumeRecord>(reader.GetString(0), Json)!);
        }

        return records;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var setup = connection.CreateCommand();
        setup.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; "
            + "CREATE TABLE IF NOT EXISTS volumes (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            + "name TEXT NOT NULL UNIQUE, record TEXT NOT NULL);";
        await setup.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
