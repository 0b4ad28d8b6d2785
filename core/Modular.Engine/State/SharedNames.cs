using Microsoft.Data.Sqlite;

namespace Modular.Engine.State;

/// <summary>
/// Podman keeps containers and pods in one name space: a pod may not take a container's
/// name, nor a container a pod's. The two live in separate databases here, so each store
/// asks the other one before it inserts.
/// </summary>
internal static class SharedNames
{
    private const int SqliteError = 1;

    /// <summary>Where the pod database of the store under <paramref name="graphRoot"/> lives.</summary>
    public static string PodDatabaseIn(string graphRoot) => Path.Combine(graphRoot, "pods.db");

    /// <summary>
    /// True when <paramref name="table"/> in <paramref name="databasePath"/> has a row named
    /// <paramref name="name"/>; false while that database or table does not exist yet.
    /// </summary>
    public static async Task<bool> TakenAsync(
        string databasePath,
        string table,
        string name,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return false;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 1 FROM {table} WHERE name = $name LIMIT 1";
        command.Parameters.AddWithValue("$name", name);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteError)
        {
            // No such table: the other store was never initialised, so nothing holds the name.
            return false;
        }
    }
}
