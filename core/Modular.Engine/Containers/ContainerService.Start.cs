using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;
using Modular.Engine.Conmon;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await StartDependenciesAsync(id, cancellationToken);
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status == ContainerStatus.Running)
        {
            return;
        }

        RefusePaused(record);
        record = await InitUnlessCreatedLockedAsync(ByUser(record), cancellationToken);
        await StartRuntimeLockedAsync(record, cancellationToken);
    }

    public async Task<int> StartAttachedAsync(
        string nameOrId,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await StartDependenciesAsync(id, cancellationToken);
        ContainerRecord record;
        AttachConnection? attach;
        await using (await LockAsync(id, cancellationToken))
        {
            record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
            if (record.State.Status == ContainerStatus.Running)
            {
                throw new WrongStateException($"container {record.Config.Name} is already running");
            }

            RefusePaused(record);

            record = await InitUnlessCreatedLockedAsync(ByUser(record), cancellationToken);
            if (IsPassthrough(record.Config))
            {
                // The container writes straight to our stdout and stderr through conmon:
                // there is no attach socket, only the exit to wait for.
                attach = null;
                record = await StartRuntimeLockedAsync(record, cancellationToken);
            }
            else
            {
                (attach, record) = await AttachAndStartLockedAsync(record, cancellationToken);
            }
        }

        // The lock is released while attached, so stop, kill and conmon's cleanup can act.
        if (attach is not null)
        {
            await using (attach)
            {
                await attach.CopyOutputAsync(stdout, stderr, cancellationToken);
            }
        }

        var exitCode = await WaitForExitFileAsync(record, Timeout.InfiniteTimeSpan, cancellationToken) ?? -1;
        await CleanupQuietlyAsync(id, cancellationToken);
        return exitCode;
    }

    // A start by the user begins the restart count again, as Podman's init does.
    private static ContainerRecord ByUser(ContainerRecord record) =>
        record with { State = record.State with { RestartCount = 0, StoppedByUser = false } };

    private static void RefusePaused(ContainerRecord record)
    {
        if (record.State.Status == ContainerStatus.Paused)
        {
            throw new WrongStateException(
                $"cannot start paused container {record.Config.Id}: container state improper");
        }
    }

    private static bool IsPassthrough(ContainerConfig config) => config.LogDriver == "passthrough";

    /// <summary>Attaches before start, so not one byte of output is missed.</summary>
    private async Task<(AttachConnection, ContainerRecord)> AttachAndStartLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var attach = await AttachConnection.ConnectAsync(PathsFor(record.Config.Id).Bundle, cancellationToken);
        try
        {
            return (attach, await StartRuntimeLockedAsync(record, cancellationToken));
        }
        catch
        {
            await attach.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Mounts the rootfs, writes the bundle and has conmon run `runtime create`, or, given a
    /// <paramref name="restore"/> plan, `runtime restore` from a checkpoint (then it runs).
    /// </summary>
    private async Task<ContainerRecord> InitLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken,
        Checkpoints.CheckpointRestorePlan? restore = null)
    {
        var config = record.Config;
        Resources.CgroupPlacement.CheckSplit(config.Resources);
        await EnsurePodCgroupAsync(config, cancellationToken);
        var paths = PathsFor(config.Id);
        var runtime = RuntimeFor(config);
        await ClearPreviousRunAsync(runtime, paths, cancellationToken);
        var rootfs = config is { RootfsOverlay: true, RootfsPath: { } lower } ? RootfsOverlay.Mount(lower, paths)
            : config.RootfsPath ?? await _layers!.MountAsync(config.LayerId!, cancellationToken);
        var network = NetworkRuntime.None;
        try
        {
            await AttachVolumesAsync(config, rootfs, cancellationToken);
            network = await SetUpNetworkLockedAsync(config, cancellationToken);
            await WriteBundleAsync(config, rootfs, paths, network, cancellationToken);
            if (restore is not null)
            {
                await RestoreShmContentAsync(config, cancellationToken);
            }

            var request = ConmonRequestFor(config, runtime, paths);
            var pid = await _conmon.CreateAsync(restore?.Apply(request) ?? request, cancellationToken);
            var conmonPid = ReadPidFile(paths.ConmonPidFile);
            WriteUserConmonPidFile(config, conmonPid);
            var state = record.State with
            {
                Status = ContainerStatus.Created,
                Pid = pid,
                ConmonPid = conmonPid,
                ConmonStartTicks = ProcessStartTime.Read(conmonPid) ?? 0,
                MountPoint = rootfs,
                Error = "",
                NetworkNamespacePath = network.OwnedNamespace,
                Networks = network.Networks,
            };
            await _store.UpdateStateAsync(config.Id, state, cancellationToken);
            if (restore is null)
            {
                await EmitAsync(config, "init", cancellationToken);
            }

            return record with { State = state };
        }
        catch (Exception ex)
        {
            var withNetwork = record.State with
            {
                NetworkNamespacePath = network.OwnedNamespace,
                Networks = network.OwnedNamespace is null ? null : network.Networks,
            };
            var failure = ex is ConmonCreateException created ? Classify(config, created.Message) : null;
            await AbandonStartAsync(
                record with { State = withNetwork }, runtime, CancellationToken.None, failure?.Message);
            throw failure ?? ex;
        }
    }

    private async Task<ContainerRecord> StartRuntimeLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var config = record.Config;
        var runtime = RuntimeFor(config);
        var result = await runtime.StartAsync(config.Id, cancellationToken);
        if (result.ExitCode != 0)
        {
            var failure = Classify(config, result.StandardError.Trim());
            await AbandonStartAsync(record, runtime, CancellationToken.None, failure.Message);
            throw failure;
        }

        var state = record.State with
        {
            Status = ContainerStatus.Running,
            StartedAt = DateTimeOffset.UtcNow,
            FinishedAt = null,
            ExitCode = null,
            OomKilled = false,
        };
        await _store.UpdateStateAsync(config.Id, state, cancellationToken);
        await EmitAsync(config, "start", cancellationToken);
        return await StartHealthLockedAsync(record with { State = state }, cancellationToken);
    }

    private async Task WriteBundleAsync(
        ContainerConfig config,
        string rootfs,
        ContainerPaths paths,
        NetworkRuntime network,
        CancellationToken cancellationToken)
    {
        // The user is resolved before conmon runs, so an unknown name fails with Podman's text (126).
        var user = UserResolver.Resolve(rootfs, config.User);
        FixUpRootfs(config, rootfs);
        Directory.CreateDirectory(paths.Persist);
        Directory.CreateDirectory(paths.ExitDirectory);
        Directory.CreateDirectory(paths.SocketDirectory);
        var files = new ContainerFiles(paths.Bundle);
        await files.WriteAsync(
            config.Id, config.Name, config.Hostname, config.ImageName, config.ImageId,
            config.Security.Privileged, cancellationToken);
        await WriteNetworkFilesAsync(config, files, network, cancellationToken);
        var spec = SpecBuilder.Build(
            config, rootfs, user, files, [.. _options.DefaultUlimits, .. config.Security.Ulimits]);
        NetworkSpec.Apply(spec, config, network, SharedFilesFor(config));
        await ApplySecretsAsync(spec, config, paths, cancellationToken);
        ProcessSpecOptions.Apply(spec, config);
        await ApplySecurityAsync(spec, config, user, rootfs, cancellationToken);
        CgroupMountReadOnly.Apply(spec);
        UserNamespaceSpec.Apply(spec, config, rootfs);
        if (config.UidMap.Count > 0)
        {
            var intermediate = IntermediateMountpoint.Path();
            spec["root"]!["path"] = intermediate;
            IntermediateMountpoint.WriteRuntimeScript(
                paths.Bundle, rootfs, intermediate, RuntimeFor(config).Command.Executable);
        }

        Resources.ResourceSpec.Apply(spec, config);
        // After the security modes: a pod member's shared namespaces are the infra's.
        await JoinNamespacesAsync(spec, config, cancellationToken);
        spec = await ApplyOciHooksAsync(spec, config, paths.Bundle, cancellationToken);
        var json = spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(paths.ConfigJson, json, cancellationToken);
    }

    private ConmonRequest ConmonRequestFor(
        ContainerConfig config,
        RuntimeCommands runtime,
        ContainerPaths paths) => new(
        ConmonPath: _options.ConmonPaths.FirstOrDefault(File.Exists)
            ?? throw new CapabilityMissingException(
                $"conmon not found in {string.Join(", ", _options.ConmonPaths)}"),
        ContainerId: config.Id,
        Name: config.Name,
        RuntimeExecutable: config.UidMap.Count > 0
            ? Path.Combine(paths.Bundle, IntermediateMountpoint.ScriptName)
            : runtime.Command.Executable,
        RuntimeArguments:
        [
            .. Resources.CgroupPlacement.RuntimeArguments(
                runtime.Command.GlobalArguments, config.Resources),
        ],
        BundlePath: paths.Bundle,
        PidFile: paths.PidFile,
        ConmonPidFile: paths.ConmonPidFile,
        ExitDirectory: paths.ExitDirectory,
        PersistDirectory: paths.Persist,
        SocketDirectory: paths.SocketDirectory,
        LogDriver: config.LogDriver,
        LogPath: paths.LogPath,
        LogSizeMax: config.LogSizeMax,
        LogLevel: _options.LogLevel is "trace" or "debug" ? "debug" : "error",
        ExitCommand: _serviceOptions.ExitCommand ?? Environment.ProcessPath ?? "modpod",
        ExitCommandArguments: [.. _options.GlobalArguments, "container", "cleanup", config.Id],
        Environment: _options.ConfigEnvironment,
        Terminal: config.Tty,
        Stdin: config.OpenStdin,
        CgroupPath: Resources.CgroupPlacement.ConmonPath(config),
        Timeout: config.Timeout,
        Preserved: new FdPassthrough(config.PreserveFds, config.PreserveFd).Checked());

    // A restart begins from nothing: the old exit file, pid files and runtime state go.
    private static async Task ClearPreviousRunAsync(
        RuntimeCommands runtime,
        ContainerPaths paths,
        CancellationToken cancellationToken)
    {
        await DeleteRuntimeStateAsync(runtime, paths.Id, cancellationToken);
        DeleteFile(paths.ExitFile);
        DeleteFile(paths.OomFile);
        DeleteFile(paths.PidFile);
        DeleteFile(paths.ConmonPidFile);
    }

    // A failed init or start leaves the container as it was before, with nothing running or
    // mounted; the runtime's refusal stays in State.Error for inspect, as in Podman and Docker.
    private async Task AbandonStartAsync(
        ContainerRecord record,
        RuntimeCommands runtime,
        CancellationToken cancellationToken,
        string? error = null)
    {
        await runtime.DeleteAsync(record.Config.Id, cancellationToken);
        // conmon ends only after its exit command (container cleanup), which needs the lock
        // held here: it is waited for once the lock is released (ContainerLock), not now.
        _conmonExits.Add(ReadPidFile(PathsFor(record.Config.Id).ConmonPidFile));
        await ReleaseStorageAsync(record.Config, cancellationToken);
        RemoveCgroupLeftovers(record.Config);
        var released = await TearDownNetworkAsync(record.Config, record.State, cancellationToken);
        var state = released with { Pid = 0, ConmonPid = 0, MountPoint = null, Error = error ?? released.Error };
        await _store.UpdateStateAsync(record.Config.Id, state, cancellationToken);
        if (record.Config.AutoRemove)
        {
            await RemoveLockedAsync(record.Config, cancellationToken);
        }
    }

    private ModularException Classify(ContainerConfig config, string runtimeText)
    {
        runtimeText = RuntimeMessage.Clean(runtimeText);

        // crun's texts do not always name the command; the user should see which one failed.
        // A failed OCI hook is named by the runtime and is not the command's fault.
        var command = config.ProcessArgs.FirstOrDefault() ?? "";
        var named = runtimeText.Contains(command, StringComparison.Ordinal)
            || runtimeText.Contains("hook", StringComparison.Ordinal)
            ? runtimeText : $"{runtimeText} ({command})";
        var text = $"{config.Runtime}: {named}";
        if (runtimeText.Contains("hook", StringComparison.Ordinal))
        {
            return OciHooks.HookStartFailure.For($"{text}: OCI runtime error");
        }

        return _runtimes.Get(config.Runtime).ClassifyFailure(runtimeText) switch
        {
            RuntimeFailureKind.CommandNotFound => new CommandNotFoundException(
                $"{text}: OCI runtime attempted to invoke a command that was not found"),
            RuntimeFailureKind.CannotInvoke => new CannotInvokeException($"{text}: OCI permission denied"),
            // Podman's run and start exit 126 for any other runtime failure (define.ExitCode).
            _ => new CannotInvokeException($"{text}: OCI runtime error"),
        };
    }

    private static int ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out var pid) ? pid : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
