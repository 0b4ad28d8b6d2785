using Microsoft.Data.Sqlite;

namespace Modular.Engine.State;

/// <summary>
/// Exit codes of removed containers, by full ID, for five minutes: Podman keeps them so a
/// client that asks for the exit after the removal (a wait by ID after <c>rm</c>) still
/// gets it. They live in the store's database, so no file on the host names a removed
/// container. The table is created on first use rather than by a schema migration: it
/// holds nothing another version of modpod needs to read.
/// </summary>
public sealed class RemovedExitCodes(string databasePath)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string Table =
        "CREATE TABLE IF NOT EXISTS removed_exit_codes ("
        + "id TEXT PRIMARY KEY NOT NULL, code INTEGER NOT NULL, removed INTEGER NOT NULL)";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        DefaultTimeout = 60,
        Pooling = false,
    }.ToString();

    /// <summary>Keeps <paramref name="code"/> for <paramref name="id"/>; drops expired ones.</summary>
    public async Task KeepAsync(string id, int code, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM removed_exit_codes WHERE removed < $cutoff;"
            + "INSERT OR REPLACE INTO removed_exit_codes (id, code, removed) VALUES ($id, $code, $now)";
        var now = DateTimeOffset.UtcNow;
        command.Parameters.AddWithValue("$cutoff", (now - Lifetime).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The code kept for <paramref name="id"/> (full ID) if not yet expired.</summary>
    public int? Find(string id)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        using var connection = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT code FROM removed_exit_codes WHERE id = $id AND removed >= $cutoff";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$cutoff", (DateTimeOffset.UtcNow - Lifetime).ToUnixTimeMilliseconds());
        return command.ExecuteScalar() is long code ? (int)code : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 60000; " + Table;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
