using System.Runtime.CompilerServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async IAsyncEnumerable<LogLine> ReadLogsAsync(
        string nameOrId,
        LogReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        if (record.Config.LogDriver is not ("k8s-file" or "json-file"))
        {
            throw new InvalidInputException(
                $"this container is using the '{record.Config.LogDriver}' log driver, cannot read logs");
        }

        var reader = new KubernetesLogReader(PathsFor(record.Config.Id).LogPath);
        var lines = reader.ReadAll().Where(line => Matches(line, options)).ToList();
        var skip = options.Tail is { } tail and >= 0 ? Math.Max(0, lines.Count - tail) : 0;
        foreach (var line in lines.Skip(skip))
        {
            yield return line;
        }

        if (!options.Follow)
        {
            yield break;
        }

        var id = record.Config.Id;
        await foreach (var line in reader.FollowAsync(() => IsStillRunningAsync(id, cancellationToken), cancellationToken))
        {
            if (Matches(line, options))
            {
                yield return line;
            }
        }
    }

    private async Task<bool> IsStillRunningAsync(string id, CancellationToken cancellationToken)
    {
        var record = await _store.FindAsync(id, cancellationToken);
        return record is not null && IsLive(record) && !IsGone(record);
    }

    private static bool Matches(LogLine line, LogReadOptions options) =>
        (options.Since is null || line.Time >= options.Since)
        && (options.Until is null || line.Time <= options.Until);
}
