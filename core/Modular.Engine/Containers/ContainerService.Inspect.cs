using System.Text.Json.Nodes;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Podman's <c>container inspect</c> object (the keys scripts read).</summary>
    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var record = await RefreshOrThrowAsync(nameOrId, cancellationToken);
        var config = record.Config;
        var paths = PathsFor(config.Id);
        var files = new ContainerFiles(paths.Bundle);
        return new JsonObject
        {
            ["Id"] = config.Id,
            ["Created"] = GoTime.Format(config.Created),
            ["Path"] = config.ProcessArgs.FirstOrDefault() ?? "",
            ["Args"] = Strings(config.ProcessArgs.Skip(1)),
            ["State"] = InspectState(record),
            ["Image"] = config.ImageId,
            ["ImageDigest"] = config.ImageDigest,
            ["ImageName"] = config.ImageName,
            ["Rootfs"] = config.RootfsPath ?? "",
            ["Pod"] = config.Pod ?? "",
            ["ResolvConfPath"] = WrittenOrEmpty(files.ResolvConfPath),
            ["HostnamePath"] = WrittenOrEmpty(files.HostnamePath),
            ["HostsPath"] = WrittenOrEmpty(files.HostsPath),
            ["StaticDir"] = paths.StaticDirectory,
            ["OCIConfigPath"] = paths.ConfigJson,
            ["OCIRuntime"] = config.RuntimePath ?? config.Runtime,
            ["ConmonPidFile"] = config.ConmonPidFile ?? paths.ConmonPidFile,
            ["PidFile"] = paths.PidFile,
            ["Name"] = config.Name,
            ["RestartCount"] = record.State.RestartCount,
            ["Driver"] = config.LayerId is null ? "" : _options.StorageDriver,
            ["MountLabel"] = "",
            ["ProcessLabel"] = "",
            ["AppArmorProfile"] = "",
            ["EffectiveCaps"] = Strings(config.Capabilities),
            ["BoundingCaps"] = Strings(config.Capabilities),
            ["ExecIDs"] = new JsonArray(),
            ["GraphDriver"] = new JsonObject
            {
                ["Name"] = config.LayerId is null ? "" : _options.StorageDriver,
                ["Data"] = new JsonObject { ["MergedDir"] = record.State.MountPoint },
            },
            ["Mounts"] = ContainerMountsJson.Mounts(config),
            ["Dependencies"] = new JsonArray(),
            ["NetworkSettings"] = await InspectNetworkAsync(record, cancellationToken),
            ["Namespace"] = "",
            ["IsInfra"] = config.IsInfra,
            ["IsService"] = false,
            ["Config"] = WithSecretsInspect(WithHealthcheck(InspectConfig(config), config), config),
            ["HostConfig"] = Resources.ResourceInspect.AddTo(
                Security.SecurityInspect.Apply(
                    InspectHostConfig(config, paths), config, _options.DefaultUlimits), config),
        };
    }

    private JsonObject InspectState(ContainerRecord record)
    {
        var state = record.State;
        var status = DisplayStatus(state.Status);
        return new JsonObject
        {
            ["OciVersion"] = "1.0.2-dev",
            ["Status"] = status,
            ["Running"] = status == ContainerStatus.Running,
            ["Paused"] = status == ContainerStatus.Paused,
            ["Restarting"] = false,
            ["OOMKilled"] = state.OomKilled,
            ["Dead"] = false,
            ["Pid"] = status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Stopping ? state.Pid : 0,
            ["ConmonPid"] = status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Stopping
                ? state.ConmonPid
                : 0,
            ["ExitCode"] = state.ExitCode ?? 0,
            ["Error"] = state.Error,
            ["StartedAt"] = GoTime.Format(state.StartedAt),
            ["FinishedAt"] = GoTime.Format(state.FinishedAt),
            ["Health"] = InspectHealth(record),
            ["CheckpointedAt"] = GoTime.Zero,
            ["RestoredAt"] = GoTime.Zero,
        }.WithCheckpointState(state.Checkpoint);
    }

    private static JsonObject InspectConfig(ContainerConfig config) => new()
    {
        ["Hostname"] = config.Hostname,
        ["Domainname"] = "",
        ["User"] = config.User,
        ["AttachStdin"] = false,
        ["AttachStdout"] = false,
        ["AttachStderr"] = false,
        ["Tty"] = config.Tty,
        ["OpenStdin"] = config.OpenStdin,
        ["StdinOnce"] = false,
        ["Env"] = Strings(config.Env),
        ["Cmd"] = Strings(config.Cmd),
        ["Image"] = config.ImageName,
        ["Volumes"] = null,
        ["WorkingDir"] = config.WorkingDir,
        ["Entrypoint"] = Strings(config.Entrypoint),
        ["OnBuild"] = null,
        ["Labels"] = ToJsonObject(config.Labels),
        ["Annotations"] = ToJsonObject(config.Annotations),
        ["StopSignal"] = config.StopSignal,
        ["StopTimeout"] = config.StopTimeout,
        ["CreateCommand"] = null,
        ["Umask"] = config.Umask,
        ["Timeout"] = config.Timeout,
    };

    private static JsonObject InspectHostConfig(
        ContainerConfig config,
        ContainerPaths paths) => new()
    {
        ["Binds"] = ContainerMountsJson.Binds(config),
        ["Tmpfs"] = ContainerMountsJson.Tmpfs(config),
        ["CgroupManager"] = config.CgroupsPath.StartsWith('/') ? "cgroupfs" : "systemd",
        ["CgroupMode"] = "host",
        ["CgroupParent"] = config.CgroupsPath.StartsWith('/') ? "/modular_parent" : "machine.slice",
        ["ContainerIDFile"] = config.Annotations.GetValueOrDefault(CidFileAnnotation, ""),
        ["LogConfig"] = new JsonObject
        {
            ["Type"] = config.LogDriver,
            ["Config"] = null,
            ["Path"] = config.LogDriver is "k8s-file" or "json-file" ? paths.LogPath : "",
            ["Tag"] = "",
            ["Size"] = config.LogSizeMax > 0 ? Resources.ByteSize.Human(config.LogSizeMax) : "0B",
        },
        ["NetworkMode"] = config.NetworkMode,
        ["PortBindings"] = PortBindingsJson(config.PortMappings, []),
        ["RestartPolicy"] = new JsonObject
        {
            ["Name"] = config.RestartPolicy,
            ["MaximumRetryCount"] = config.RestartRetries,
        },
        ["AutoRemove"] = config.AutoRemove,
        ["AutoRemoveImage"] = config.AutoRemoveImage,
        ["CapAdd"] = new JsonArray(),
        ["CapDrop"] = new JsonArray(),
        ["Privileged"] = false,
        ["ReadonlyRootfs"] = false,
        ["SecurityOpt"] = new JsonArray(),
        ["Runtime"] = "oci",
        ["ShmSize"] = 65536000,
        ["UTSMode"] = "private",
        ["IpcMode"] = "private",
        ["PidMode"] = "private",
    };

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());
}
