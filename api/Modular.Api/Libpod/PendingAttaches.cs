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
    private readonly ConcurrentDictionary<string, Claim> _pending = new();

    // A --rm container may be gone before its client asks for the exit code: the code
    // its attach saw answers that wait (Podman's clients wait right after start).
    private readonly ConcurrentDictionary<string, int> _exitCodes = new();

    /// <summary>The exit code an attach saw for a container that may since have been removed.</summary>
    public bool TryExitCode(string id, out int code) => _exitCodes.TryGetValue(id, out code);

    /// <summary>
    /// Claims the container's next start for an attach, before the attach answers: Podman's
    /// client sends start as soon as it reads that answer, and a start arriving before the
    /// claim would run the container unattached, the attach then waiting forever.
    /// </summary>
    public Claim Reserve(string id, CancellationToken cancellationToken)
    {
        var claim = new Claim(
            new TaskCompletionSource<AttachStreams>(TaskCreationOptions.RunContinuationsAsynchronously),
            new TaskCompletionSource<AttachResult>(TaskCreationOptions.RunContinuationsAsynchronously),
            cancellationToken);
        _pending[id] = claim;
        return claim;
    }

    /// <summary>Gives the claim its streams, then waits until the attached run ends.</summary>
    public async Task<AttachResult> WaitForStartAsync(string id, Claim claim, AttachStreams streams)
    {
        claim.Streams.TrySetResult(streams);
        await using var registration = claim.Cancel.Register(() =>
        {
            _pending.TryRemove(new(id, claim));
            claim.Result.TrySetCanceled(claim.Cancel);
        });
        return await claim.Result.Task;
    }

    /// <summary>Drops a claim whose attach failed before it had streams.</summary>
    public void Release(string id, Claim claim)
    {
        _pending.TryRemove(new(id, claim));
        claim.Streams.TrySetCanceled();
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
                var streams = await pending.Streams.Task.WaitAsync(pending.Cancel);
                var result = await attach.StartAttachedAsync(id, streams, pending.Cancel);
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

    /// <summary>An attach waiting for its container's start.</summary>
    public sealed record Claim(
        TaskCompletionSource<AttachStreams> Streams,
        TaskCompletionSource<AttachResult> Result,
        CancellationToken Cancel);
}
