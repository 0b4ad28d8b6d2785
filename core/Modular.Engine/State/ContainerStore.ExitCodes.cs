namespace Modular.Engine.State;

/// <summary>
/// Exit codes of removed containers, by full ID, for five minutes: Podman keeps them so a
/// client that asks for the exit after the removal (a wait by ID after <c>rm</c>) still
/// gets it. They live in the store's database, so no file on the host names a removed
/// container.
/// </summary>
public sealed partial class ContainerStore
{
    private static readonly TimeSpan RemovedExitCodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Keeps <paramref name="code"/> for <paramref name="id"/>; drops expired ones.</summary>
    public async Task KeepExitCodeAsync(string id, int code, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM removed_exit_codes WHERE removed < $cutoff;"
            + "INSERT OR REPLACE INTO removed_exit_codes (id, code, removed) VALUES ($id, $code, $now)";
        var now = DateTimeOffset.UtcNow;
        command.Parameters.AddWithValue("$cutoff", (now - RemovedExitCodeLifetime).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The code kept for <paramref name="id"/> (full ID) if not yet expired.</summary>
    public async Task<int?> FindRemovedExitCodeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT code FROM removed_exit_codes WHERE id = $id AND removed >= $cutoff";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue(
            "$cutoff", (DateTimeOffset.UtcNow - RemovedExitCodeLifetime).ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) is long code ? (int)code : null;
    }
}
