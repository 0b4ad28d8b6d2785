using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Hooks;
using Modular.Contracts.Plugins;
using Modular.Engine.Configuration;
using Modular.Engine.Plugins;

namespace Modular.Engine.Events;

/// <summary>
/// The events log file at <see cref="EngineOptions.EventsLogFilePath"/>: one Podman-shaped
/// JSON object a line, appended by any modpod process (conmon's cleanup included), then
/// handed to the hook providers named in modular.conf <c>hook_plugins</c>.
/// </summary>
public sealed partial class EventLog(EngineOptions options, PluginHost plugins, ILogger<EventLog> logger)
    : IEventLog
{
    // Followed files are polled: inotify would need a watcher per reader for little gain here.
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lazy<IReadOnlyList<IHookProvider>> _hooks =
        new(() => LoadHooks(options, plugins, logger));

    private string FilePath => options.EventsLogFilePath
        ?? Path.Combine(options.RunRoot, "events", "events.log");

    public async Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        var line = EventJson.ToJson(engineEvent).ToJsonString();
        await Task.Run(() => EventLogFile.AppendLine(FilePath, line), cancellationToken);

        foreach (var hook in _hooks.Value)
        {
            await NotifyAsync(hook, engineEvent, cancellationToken);
        }
    }

    public async IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // As in Podman, streaming without --since shows only events from now on.
        var startOffset = stream && since is null && File.Exists(FilePath)
            ? new FileInfo(FilePath).Length
            : 0;
        await foreach (var line in ReadLinesAsync(stream, until, startOffset, cancellationToken))
        {
            if (EventJson.Parse(line) is not { } engineEvent)
            {
                continue;
            }

            if (since is { } from && engineEvent.Time < from)
            {
                continue;
            }

            if (until is { } to && engineEvent.Time > to)
            {
                continue;
            }

            yield return engineEvent;
        }
    }

    private async IAsyncEnumerable<string> ReadLinesAsync(
        bool follow,
        DateTimeOffset? until,
        long startOffset,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!File.Exists(FilePath))
        {
            if (!follow || Past(until))
            {
                yield break;
            }

            await Task.Delay(FollowInterval, cancellationToken);
        }

        // Positional reads on a handle of our own, tracking the offset ourselves, so a reader
        // that follows the file holds no lock an appender would wait for.
        using var file = EventLogFile.OpenForReading(FilePath);
        var offset = startOffset;
        var pending = new StringBuilder();
        var buffer = new byte[64 * 1024];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (true)
        {
            var read = await RandomAccess.ReadAsync(file, buffer, offset, cancellationToken);
            offset += read;
            if (read == 0)
            {
                if (!follow || Past(until))
                {
                    yield break;
                }

                await Task.Delay(FollowInterval, cancellationToken);
                continue;
            }

            pending.Append(chars, 0, decoder.GetChars(buffer, 0, read, chars, 0));
            foreach (var line in TakeCompleteLines(pending))
            {
                yield return line;
            }
        }
    }

    // A line is only complete once its newline is written; the rest waits for the next read.
    private static List<string> TakeCompleteLines(StringBuilder pending)
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\n');
        if (end < 0)
        {
            return [];
        }

        pending.Clear().Append(text, end + 1, text.Length - end - 1);
        return [.. text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static bool Past(DateTimeOffset? until) => until is { } to && DateTimeOffset.Now > to;

    private async Task NotifyAsync(
        IHookProvider hook,
        EngineEvent engineEvent,
        CancellationToken cancellationToken)
    {
        try
        {
            await hook.OnEventAsync(engineEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.HookFailed(logger, hook.Id, engineEvent.Status, e.Message);
        }
    }

    private static IReadOnlyList<IHookProvider> LoadHooks(
        EngineOptions options,
        PluginHost plugins,
        ILogger logger)
    {
        var hooks = new List<IHookProvider>();
        foreach (var id in options.HookPlugins)
        {
            try
            {
                var hook = plugins.Load<IHookProvider>(PluginKind.HookProvider, id);
                if (hook is null)
                {
                    Log.HookMissing(logger, id);
                    continue;
                }

                hooks.Add(hook);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.HookLoadFailed(logger, id, e.Message);
            }
        }

        return hooks;
    }
}
