using Modular.Api.Http;

namespace Modular.Api.Compat;

/// <summary>
/// The members of Podman's compat create body (handlers.CreateContainerConfig, which
/// embeds Docker's container.Config and HostConfig) that the create route reads, with
/// their Go types, so a value of the wrong JSON type is refused as Podman refuses it.
/// </summary>
public static class DockerCreateSchema
{
    public static readonly GoStruct Body = GoStruct.Of(
        "CreateContainerConfig",
        ("Hostname", GoType.String), ("Domainname", GoType.String), ("User", GoType.String),
        ("Image", GoType.String), ("WorkingDir", GoType.String), ("StopSignal", GoType.String),
        ("MacAddress", GoType.String), ("AttachStdin", GoType.Bool), ("AttachStdout", GoType.Bool),
        ("AttachStderr", GoType.Bool), ("Tty", GoType.Bool), ("OpenStdin", GoType.Bool),
        ("StdinOnce", GoType.Bool), ("NetworkDisabled", GoType.Bool), ("StopTimeout", GoType.Int),
        ("Cmd", GoType.StrSlice), ("Entrypoint", GoType.StrSlice), ("Env", GoType.Strings),
        ("Labels", GoType.StringMap), ("Volumes", GoType.Object("map[string]struct {}")),
        ("ExposedPorts", GoType.Object("nat.PortSet")),
        ("Healthcheck", GoType.Object("container.HealthConfig")),
        ("HostConfig", GoType.Struct(Host, "container.HostConfig")),
        ("NetworkingConfig", GoType.Object("network.NetworkingConfig")));

    private static GoStruct Host => GoStruct.Of(
        "HostConfig",
        ("NetworkMode", GoType.String), ("PidMode", GoType.String), ("IpcMode", GoType.String),
        ("UTSMode", GoType.String), ("CgroupnsMode", GoType.String), ("CgroupParent", GoType.String),
        ("CpusetCpus", GoType.String), ("CpusetMems", GoType.String), ("VolumeDriver", GoType.String),
        ("Runtime", GoType.String), ("AutoRemove", GoType.Bool), ("Privileged", GoType.Bool),
        ("ReadonlyRootfs", GoType.Bool), ("PublishAllPorts", GoType.Bool), ("Init", GoType.Bool),
        ("OomKillDisable", GoType.Bool), ("Memory", GoType.Int64), ("MemorySwap", GoType.Int64),
        ("MemoryReservation", GoType.Int64), ("NanoCpus", GoType.Int64), ("CpuShares", GoType.Int64),
        ("CpuQuota", GoType.Int64), ("CpuPeriod", GoType.Int64), ("ShmSize", GoType.Int64),
        ("PidsLimit", GoType.Int64), ("OomScoreAdj", GoType.Int), ("BlkioWeight", new(GoKind.Int, "uint16")),
        ("Binds", GoType.Strings), ("CapAdd", GoType.StrSlice), ("CapDrop", GoType.StrSlice),
        ("Dns", GoType.Strings), ("DnsSearch", GoType.Strings), ("DnsOptions", GoType.Strings),
        ("ExtraHosts", GoType.Strings), ("GroupAdd", GoType.Strings), ("SecurityOpt", GoType.Strings),
        ("VolumesFrom", GoType.Strings), ("Links", GoType.Strings), ("Tmpfs", GoType.StringMap),
        ("Sysctls", GoType.StringMap), ("Mounts", GoType.List("[]mount.Mount")),
        ("Devices", GoType.List("[]container.DeviceMapping")),
        ("Ulimits", GoType.List("[]*container.Ulimit")),
        ("RestartPolicy", GoType.Object("container.RestartPolicy")),
        ("PortBindings", GoType.Object("nat.PortMap")), ("LogConfig", GoType.Object("container.LogConfig")));
}
