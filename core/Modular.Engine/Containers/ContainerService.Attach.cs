using Modular.Contracts.Errors;
using Modular.Engine.Conmon;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerAttach
{
    public async Task<AttachResult> StartAttachedAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        ContainerRecord record;
        AttachConnection attach;
        await using (await LockAsync(id, cancellationToken))
        {
            record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
            if (record.State.Status == ContainerStatus.Running)
            {
                throw new WrongStateException($"container {record.Config.Name} is already running");
            }

            record = await InitLockedAsync(ByUser(record), cancellationToken);
            SendFirstSize(record, streams);
            (attach, record) = await AttachAndStartLockedAsync(record, cancellationToken);
        }

        // The lock is released while attached, so stop, kill and conmon's cleanup can act.
        return await PumpUntilExitAsync(record, attach, streams, cancellationToken);
    }

    public async Task<AttachResult> AttachAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException("you can only attach to running containers");
        }

        if (IsPassthrough(record.Config))
        {
            throw new InvalidInputException(
                "cannot attach to a container using the passthrough log driver");
        }

        var attach = await AttachConnection.ConnectAsync(PathsFor(record.Config.Id).Bundle, cancellationToken);
        return await PumpUntilExitAsync(record, attach, streams, cancellationToken);
    }

    private async Task<AttachResult> PumpUntilExitAsync(
        ContainerRecord record,
        AttachConnection attach,
        AttachStreams streams,
        CancellationToken cancellationToken)
    {
        // As Podman, a container created without -i gets none of the client's stdin.
        var own = WithoutTerminalKeys(
            record.Config.OpenStdin ? streams : streams with { Stdin = null },
            record.Config.Tty);
        var control = Path.Combine(PathsFor(record.Config.Id).Bundle, "ctl");
        bool detached;
        await using (attach)
        {
            detached = await new AttachPump(attach, own, control).RunAsync(cancellationToken);
        }

        if (detached)
        {
            return AttachResult.Detach;
        }

        var exitCode = await WaitForExitFileAsync(record, Timeout.InfiniteTimeSpan, cancellationToken) ?? -1;
        await CleanupQuietlyAsync(record.Config.Id, cancellationToken);
        return new AttachResult(false, exitCode);
    }

    // Detach keys are typed keys: without a terminal stdin is data (a pipe, a file) and
    // must reach the process byte for byte, so the sequence is watched for only with a tty.
    private static AttachStreams WithoutTerminalKeys(AttachStreams streams, bool terminal) =>
        terminal ? streams : streams with { DetachKeys = [] };

    // conmon holds the terminal from `runtime create` on: sizing it before `start` means the
    // process's first output is already laid out for the client's window.
    private void SendFirstSize(ContainerRecord record, AttachStreams streams)
    {
        if (record.Config.Tty && streams.Resizes is not null && streams.Resizes.TryPeek(out var size))
        {
            ConmonControl.Resize(Path.Combine(PathsFor(record.Config.Id).Bundle, "ctl"), size);
        }
    }
}
