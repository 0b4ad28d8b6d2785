using Microsoft.Data.Sqlite;

namespace Modular.Engine.State;

/// <summary>
/// The schema and its migrations, applied in order inside one immediate transaction, so
/// two processes opening a fresh store never both migrate. Append migrations; never edit one.
/// </summary>
internal static class StoreSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE containers (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE,
            config TEXT NOT NULL,
            state TEXT NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        """,
        // Exit codes of removed containers (a wait by ID after rm). IF NOT EXISTS: stores
        // opened by a build that made this table on first use already hold it.
        """
        CREATE TABLE IF NOT EXISTS removed_exit_codes (
            id TEXT PRIMARY KEY NOT NULL,
            code INTEGER NOT NULL,
            removed INTEGER NOT NULL);
        """,
    ];

    public static async Task MigrateAsync(
        SqliteConnection connection,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.Serializable, cancellationToken);
        var version = await CurrentVersionAsync(connection, cancellationToken);
        for (var next = version; next < Migrations.Length; next++)
        {
            await ExecuteAsync(connection, Migrations[next], cancellationToken);
        }

        if (version < Migrations.Length)
        {
            await ExecuteAsync(connection, "DELETE FROM schema_version", cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO schema_version VALUES ({Migrations.Length})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(
        SqliteConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long version ? (int)version : 0;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
