using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's clients attach to a created container first and start it with a second
/// request. The engine attaches from the first byte only when it starts the container
/// itself, so an attach to a stopped container waits here and the start request hands
/// the container over to it: the attach then starts it with its streams.
/// </summary>
public sealed class PendingAttaches
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new();

    // A --rm container may be gone before its client asks for the exit code: the code
    // its attach saw answers that wait (Podman's clients wait right after start).
    private readonly ConcurrentDictionary<string, int> _exitCodes = new();

    /// <summary>The exit code an attach saw for a container that may since have been removed.</summary>
    public bool TryExitCode(string id, out int code) => _exitCodes.TryGetValue(id, out code);

    /// <summary>Waits for the start request, then runs the container attached until it ends.</summary>
    public async Task<AttachResult> WaitForStartAsync(
        string id,
        AttachStreams streams,
        CancellationToken cancellationToken)
    {
        var pending = new Pending(streams, new TaskCompletionSource<AttachResult>(
            TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        _pending[id] = pending;
        await using var registration = cancellationToken.Register(() =>
        {
            _pending.TryRemove(new(id, pending));
            pending.Result.TrySetCanceled(cancellationToken);
        });
        return await pending.Result.Task;
    }

    /// <summary>Starts the container for a waiting attach; false when none waits.</summary>
    public bool TryHandOver(string id, CliContext cli)
    {
        if (!_pending.TryRemove(id, out var pending))
        {
            return false;
        }

        var attach = cli.Services.GetRequiredService<IContainerAttach>();
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await attach.StartAttachedAsync(id, pending.Streams, pending.Cancel);
                if (!result.Detached)
                {
                    _exitCodes[id] = result.ExitCode;
                }

                pending.Result.TrySetResult(result);
            }
            catch (Exception e)
            {
                pending.Result.TrySetException(e);
            }
        });
        return true;
    }

    private sealed record Pending(
        AttachStreams Streams,
        TaskCompletionSource<AttachResult> Result,
        CancellationToken Cancel);
}
