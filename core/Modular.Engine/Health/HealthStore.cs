using System.Text.Json;
using Modular.Engine.Locking;

namespace Modular.Engine.Health;

/// <summary>
/// The health state of one container in a file of its own (<c>healthcheck.log</c> in the
/// container's static directory, as Podman keeps it), not in the database row: a check
/// runs beside lifecycle commands that rewrite the row, and must neither wait for the
/// container lock nor overwrite their state. A lock file orders racing checks; the file
/// is replaced by rename, so a reader never sees half of it.
/// </summary>
public sealed class HealthStore(string staticDirectory, string lockPath, string fileName = "healthcheck.log")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>Where the state lives.</summary>
    public string FilePath => Path.Combine(staticDirectory, fileName);

    /// <summary>The stored state, or null when no run of the container has set one.</summary>
    public HealthState? Read()
    {
        try
        {
            return JsonSerializer.Deserialize<HealthState>(File.ReadAllText(FilePath), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads, changes and writes under the health lock.</summary>
    public async Task<HealthState> UpdateAsync(
        Func<HealthState, HealthState> change,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using var held = await FileLock.AcquireAsync(lockPath, cancellationToken);
        var next = change(Read() ?? HealthState.Initial);
        Write(next);
        return next;
    }

    /// <summary>A new run starts over: status starting, streak cleared, old results kept.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) =>
        UpdateAsync(current => current with { Status = HealthState.Starting, FailingStreak = 0 }, cancellationToken);

    private void Write(HealthState state)
    {
        Directory.CreateDirectory(staticDirectory);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
        File.Move(temporary, FilePath, overwrite: true);
    }
}
