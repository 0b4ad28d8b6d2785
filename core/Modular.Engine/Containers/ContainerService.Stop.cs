using System.Globalization;
using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    public async Task<ContainerInfo> StopAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        // Before the reload, whose cleanup would settle a dead conmon without a word.
        if (await _store.FindAsync(id, cancellationToken) is { } stored && LostConmonWhileStopping(stored))
        {
            await SettleLostConmonLockedAsync(stored, cancellationToken);
        }

        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);

        // Marked before the signal, under the lock the exit command waits for, and whatever
        // the state: a container that exited on its own just before this stop still has its
        // exit command waiting for the lock, and that command must find the user's stop.
        record = record with { State = record.State with { StoppedByUser = true } };
        await _store.UpdateStateAsync(id, record.State, cancellationToken);
        if (IsLive(record))
        {
            await StopLockedAsync(record, timeoutSeconds, cancellationToken);
            record = await CleanupLockedAsync(record, "stop", cancellationToken) ?? record;
        }

        return ToInfo(record);
    }

    public async Task<ContainerInfo> KillAsync(
        string nameOrId,
        string signal,
        CancellationToken cancellationToken)
    {
        var number = Signals.Parse(signal);
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status is not (ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Stopping))
        {
            throw new WrongStateException(
                $"can only kill running containers. {id} is in state "
                + $"{DisplayStatus(record.State.Status)}: container state improper");
        }

        // As Podman: a container the user signalled is not brought back by its policy.
        record = record with { State = record.State with { StoppedByUser = true } };
        await _store.UpdateStateAsync(id, record.State, cancellationToken);
        var result = await RuntimeFor(record.Config).KillAsync(id, number, cancellationToken);
        if (result.ExitCode != 0 && !IsGone(record))
        {
            throw new BackendException($"{record.Config.Runtime}: {result.StandardError.Trim()}");
        }

        await ThawAfterKillAsync(record, number, cancellationToken);

        await EmitAsync(record.Config, "kill", cancellationToken);
        return ToInfo(record);
    }

    public async Task<int> WaitAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var record = await FindAsync(nameOrId, cancellationToken);
        int? exited = null;
        if (IsLive(record))
        {
            exited = await WaitForExitFileAsync(record, Timeout.InfiniteTimeSpan, cancellationToken);
            await CleanupQuietlyAsync(record.Config.Id, cancellationToken);
        }

        // A --rm container is gone by now (conmon's exit command removed it): the code seen
        // at exit, or the one kept at removal, is its answer, never a default 0.
        var id = record.Config.Id;
        return (await _store.FindAsync(id, cancellationToken))?.State.ExitCode
            ?? exited
            ?? record.State.ExitCode
            ?? ReadExitFileOrKept(PathsFor(id))
            ?? RemovedExitCode(id)
            ?? 0;
    }

    /// <summary>The stop signal, the grace period, then SIGKILL; returns once the container is gone.</summary>
    private async Task StopLockedAsync(
        ContainerRecord record,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var runtime = RuntimeFor(record.Config);
        var grace = TimeSpan.FromSeconds(timeoutSeconds ?? record.Config.StopTimeout);
        if (grace > TimeSpan.Zero)
        {
            // As Podman, the grace period shows as "stopping" (inspect and ps read the row).
            if (record.State.Status == ContainerStatus.Running)
            {
                await _store.UpdateStateAsync(
                    record.Config.Id, record.State with { Status = ContainerStatus.Stopping }, cancellationToken);
            }

            await runtime.KillAsync(record.Config.Id, record.Config.StopSignal, cancellationToken);
            if (await WaitForExitFileAsync(record, grace, cancellationToken) is not null)
            {
                return;
            }

            // A program may trap or ignore its stop signal; the grace period is all it gets.
            ContainerServiceLog.GraceExpired(
                _logger,
                Signals.DisplayName(record.Config.StopSignal),
                record.Config.Name,
                (long)grace.TotalSeconds);
        }

        await runtime.KillAsync(record.Config.Id, Signals.Kill, cancellationToken);
        await ThawAfterKillAsync(record, Signals.Kill, cancellationToken);
        if (await WaitForExitFileAsync(record, KillGrace, cancellationToken) is null)
        {
            throw new BackendException($"container {record.Config.Name} did not exit after SIGKILL");
        }
    }

    /// <summary>Polls for conmon's exit file; null when the timeout passed first.</summary>
    private async Task<int?> WaitForExitFileAsync(
        ContainerRecord record,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var paths = PathsFor(record.Config.Id);
        var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + timeout;
        while (true)
        {
            if (ReadExitFileOrKept(paths) is { } code)
            {
                return code;
            }

            // conmon writes the exit file before it exits; gone without one, the code is lost.
            if (!ProcessStartTime.IsAlive(record.State.ConmonPid, record.State.ConmonStartTicks))
            {
                return ReadExitFileOrKept(paths) ?? -1;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static int? ReadExitFile(ContainerPaths paths) => ReadExitCode(paths.ExitFile);

    private static int? ReadExitCode(string file)
    {
        try
        {
            var text = File.ReadAllText(file).Trim();
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                ? code
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsLive(ContainerRecord record) =>
        record.State.Status is ContainerStatus.Running or ContainerStatus.Created or ContainerStatus.Paused
            or ContainerStatus.Stopping;

    // Live in the database, but conmon has written the exit file or is gone (killed, reboot).
    private bool IsGone(ContainerRecord record) =>
        IsLive(record)
        && (File.Exists(PathsFor(record.Config.Id).ExitFile)
            || !ProcessStartTime.IsAlive(record.State.ConmonPid, record.State.ConmonStartTicks));
}
