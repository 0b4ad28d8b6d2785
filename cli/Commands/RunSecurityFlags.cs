using System.CommandLine;
using Modular.Engine.Containers;
using Modular.Engine.Security;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The security flags of <c>create</c> and <c>run</c>; the engine checks their values.</summary>
public sealed class RunSecurityFlags
{
    /// <summary>The flags here that take a value, for <see cref="Parsing.ArgvSplitter"/>.</summary>
    public static readonly string[] ValueFlags =
    [
        "--cap-add", "--cap-drop", "--security-opt", "--group-add", "--device", "--ulimit",
        "--sysctl", "--init-path", "--ipc", "--pid", "--uts", "--cgroupns",
        "--shm-size",
    ];

    public Option<string[]> CapAdd { get; } =
        Values("--cap-add", "Add a capability (CAP_NAME, NAME, or ALL); repeatable");
    public Option<string[]> CapDrop { get; } =
        Values("--cap-drop", "Drop a capability (CAP_NAME, NAME, or ALL); repeatable");
    public Option<bool> Privileged { get; } =
        Switch("--privileged", "Give extended privileges: all capabilities, host devices, no seccomp or masked paths");
    public Option<string[]> SecurityOpt { get; } =
        Values("--security-opt", "Security option: seccomp=unconfined|PATH, no-new-privileges, mask=, unmask=, label=, apparmor=; repeatable");
    public Option<bool> ReadOnly { get; } =
        Switch("--read-only", "Mount the container's root filesystem read-only");
    public Option<bool?> ReadOnlyTmpfs { get; } =
        new("--read-only-tmpfs") { Description = "With --read-only, mount tmpfs on /run, /tmp and /var/tmp (default true)" };
    public Option<string[]> GroupAdd { get; } =
        Values("--group-add", "Add an additional group (name, number, or keep-groups); repeatable");
    public Option<string[]> Device { get; } =
        Values("--device", "Add a host device: HOST[:CONTAINER][:PERMISSIONS]; repeatable");
    public Option<string[]> Ulimit { get; } =
        Values("--ulimit", "Resource limit NAME=SOFT[:HARD], or host; repeatable");
    public Option<string[]> Sysctl { get; } =
        Values("--sysctl", "Namespaced kernel parameter NAME=VALUE; repeatable");
    public Option<bool> Init { get; } =
        Switch("--init", "Run an init (catatonit) as PID 1 that forwards signals and reaps processes");
    public Option<string?> InitPath { get; } = Value("--init-path", "Path to the container-init binary");
    public Option<string?> Ipc { get; } =
        Value("--ipc", "IPC namespace: host, private, shareable, none, container:NAME, ns:PATH");
    public Option<string?> Pid { get; } =
        Value("--pid", "PID namespace: host, private, container:NAME, ns:PATH");
    public Option<string?> Uts { get; } =
        Value("--uts", "UTS namespace: host, private, container:NAME, ns:PATH");
    public Option<string?> Cgroupns { get; } =
        Value("--cgroupns", "cgroup namespace: host, private, container:NAME, ns:PATH");

    public Option<string?> ShmSize { get; } =
        Value("--shm-size", "Size of /dev/shm (format: <number>[<unit>], unit = b, k, m or g)");

    public Command AddTo(Command command) => command.With(
        CapAdd, CapDrop, Privileged, SecurityOpt, ReadOnly, ReadOnlyTmpfs, GroupAdd, Device, Ulimit,
        Sysctl, Init, InitPath, Ipc, Pid, Uts, Cgroupns, ShmSize);

    public CreateContainerRequest AddTo(ParseResult r, CreateContainerRequest request) => request with
    {
        Security = new SecurityFlags
        {
            // String slices in Podman: a comma separates values as a repeat does.
            CapAdd = CommaSeparated(r.GetValue(CapAdd)!),
            CapDrop = CommaSeparated(r.GetValue(CapDrop)!),
            Privileged = r.GetValue(Privileged),
            SecurityOpts = r.GetValue(SecurityOpt)!,
            ReadOnly = r.GetValue(ReadOnly),
            ReadOnlyTmpfs = r.GetValue(ReadOnlyTmpfs) ?? true,
            // Podman reads --group-add as a list: "1,2,3" is three groups.
            GroupAdd = [.. r.GetValue(GroupAdd)!.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries))],
            Devices = r.GetValue(Device)!,
            Ulimits = r.GetValue(Ulimit)!,
            Sysctls = r.GetValue(Sysctl)!,
            Init = r.GetValue(Init),
            InitPath = r.GetValue(InitPath),
            Ipc = r.GetValue(Ipc),
            Pid = r.GetValue(Pid),
            Uts = r.GetValue(Uts),
            Cgroupns = r.GetValue(Cgroupns),
            ShmSize = r.GetValue(ShmSize),
        },
    };

    private static string[] CommaSeparated(string[] values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
