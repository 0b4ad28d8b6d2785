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
        var skip = options.Tail is { } tail and >= 0 ? TailStart(lines, tail) : 0;
        foreach (var line in lines.Skip(skip))
        {
            yield return line;
        }

        if (!options.Follow)
        {
            yield break;
        }

        var id = record.Config.Id;
        // --until ends a follow too, once its time has passed, even while the container runs.
        await foreach (var line in reader.FollowAsync(
            async () => (options.Until is not { } until || DateTimeOffset.Now <= until)
                && await IsStillRunningAsync(id, cancellationToken),
            cancellationToken))
        {
            if (options.Until is { } end && line.Time > end)
            {
                yield break;
            }

            if (Matches(line, options))
            {
                yield return line;
            }
        }
    }

    // --tail counts whole lines: partial records ("P") belong to the line the next full
    // record ends, so the last N lines start right after the (N+1)-th line end from the end.
    private static int TailStart(List<LogLine> lines, int tail)
    {
        var ends = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Partial || i == lines.Count - 1)
            {
                ends.Add(i);
            }
        }

        return ends.Count <= tail ? 0 : ends[ends.Count - tail - 1] + 1;
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
