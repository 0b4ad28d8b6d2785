using System.Text;
using CliWrap;
using Modular.Contracts.Errors;
using Modular.Engine.Health;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerHealth
{
    private const int RuntimeFailureExit = 255;

    private static readonly TimeSpan ExecKillGrace = TimeSpan.FromSeconds(2);

    public async Task<string> RunHealthCheckAsync(string nameOrId, CancellationToken cancellationToken)
    {
        ContainerRecord record;
        try
        {
            record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException(
                $"unable to look up {nameOrId} to perform a health check: {e.Message}",
                e);
        }

        var check = CheckableHealth(record);
        var started = DateTimeOffset.UtcNow;
        var (exitCode, output) = await ExecCheckAsync(record, check, cancellationToken);
        var result = new HealthLogEntry(started, DateTimeOffset.UtcNow, exitCode, output);
        var inStartPeriod = record.State.StartedAt is { } since && started - since < check.StartPeriod;
        var before = HealthStoreFor(record.Config).Read();
        var after = await HealthStoreFor(record.Config).UpdateAsync(
            current => HealthTransition.Apply(current, result, inStartPeriod, check.Retries, record.Config.HealthMaxLogCount),
            cancellationToken);
        if (after.Status == HealthState.Unhealthy && before?.Status != HealthState.Unhealthy)
        {
            await ActOnUnhealthyAsync(record, cancellationToken);
        }

        return after.Status;
    }

    private static HealthConfig CheckableHealth(ContainerRecord record)
    {
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException($"container {record.Config.Id} is not running");
        }

        return record.Config.Healthcheck is { IsEnabled: true } check
            ? check
            : throw new WrongStateException($"container {record.Config.Id} has no defined healthcheck");
    }

    /// <summary>
    /// The container's health state: in its static directory, or (as Podman's
    /// --health-log-destination DIR) in DIR/ID-healthcheck.log.
    /// </summary>
    private HealthStore HealthStoreFor(ContainerConfig config)
    {
        var paths = PathsFor(config.Id);
        var lockPath = Path.Combine(paths.RunDirectory, "health.lock");
        return config.HealthLogDestination.StartsWith('/')
            ? new HealthStore(config.HealthLogDestination, lockPath, config.Id + "-healthcheck.log")
            : new HealthStore(paths.StaticDirectory, lockPath);
    }

    /// <summary>Runs the check's command; a timeout is a failure, as in Podman.</summary>
    private async Task<(int ExitCode, string Output)> ExecCheckAsync(
        ContainerRecord record,
        HealthConfig check,
        CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var sink = PipeTarget.ToStringBuilder(output);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        graceful.CancelAfter(check.Timeout);
        forceful.CancelAfter(check.Timeout + ExecKillGrace);
        try
        {
            var result = await RuntimeFor(record.Config).ExecAsync(
                record.Config.Id,
                check.Argv,
                ExecOptions.Default,
                sink,
                sink,
                forceful.Token,
                graceful.Token);
            return (result.ExitCode, Truncate(output.ToString(), record.Config.HealthMaxLogSize));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (1, $"healthcheck command exceeded timeout of {GoDuration.Format(check.Timeout)}");
        }
    }

    private static string Truncate(string output, int size) =>
        HealthLogOptions.Cut(output.TrimEnd('\n'), size);

    /// <summary><c>--health-on-failure</c>, once, when the status turns unhealthy.</summary>
    private async Task ActOnUnhealthyAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        switch (record.Config.HealthOnFailure)
        {
            case "kill":
                await KillAsync(record.Config.Id, "KILL", cancellationToken);
                break;
            case "stop":
                await StopAsync(record.Config.Id, null, cancellationToken);
                break;
            case "restart":
                await RestartForHealthAsync(record.Config.Id, cancellationToken);
                break;
        }
    }

    // Podman's "restart" action stops and starts the container, counting a restart.
    private async Task RestartForHealthAsync(string id, CancellationToken cancellationToken)
    {
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, id, cancellationToken);
        if (IsLive(record))
        {
            await StopLockedAsync(record, null, cancellationToken);
            record = await CleanupLockedAsync(record, "stop", cancellationToken) ?? record;
        }

        record = record with { State = record.State with { RestartCount = record.State.RestartCount + 1 } };
        record = await InitLockedAsync(record, cancellationToken);
        await StartRuntimeLockedAsync(record, cancellationToken);
    }

    public async Task<int> ExecAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException(
                "can only create exec sessions on running containers: container state improper");
        }

        // The container's own process (groups, umask, env) with the flags' changes, as the
        // conmon path builds it: `runtime exec` without --process would drop the groups.
        var processFile = Path.Combine(PathsFor(record.Config.Id).RunDirectory, $"exec-{Guid.NewGuid():N}.json");
        await WriteExecSpecAsync(record, argv, options, false, processFile, cancellationToken);
        var runtime = _runtimes.Get(record.Config.Runtime);
        var errors = new RuntimeLogFilter(
            stderr,
            text => runtime.ClassifyFailure(RuntimeMessage.Clean(text)) != Contracts.Runtime.RuntimeFailureKind.Other);
        CommandResult result;
        try
        {
            result = await RuntimeFor(record.Config).ExecProcessAsync(
                record.Config.Id,
                processFile,
                PipeTarget.ToStream(stdout),
                errors.Target,
                cancellationToken,
                CancellationToken.None);
        }
        finally
        {
            File.Delete(processFile);
        }

        if (result.ExitCode == RuntimeFailureExit && errors.HeldText.Length > 0)
        {
            // One line as Podman words it; the exception carries 126, 127 or 125.
            throw Classify(record.Config with { ProcessArgs = [] }, errors.HeldText);
        }

        await errors.ReleaseAsync(cancellationToken);
        return result.ExitCode;
    }
}
