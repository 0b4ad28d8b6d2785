namespace Modular.Engine.Security;

/// <summary>
/// The security flags of <c>create</c> and <c>run</c> as typed; <see cref="SecurityResolver"/>
/// checks them with Podman's rules and turns them into <see cref="SecuritySettings"/>.
/// </summary>
public sealed record SecurityFlags
{
    /// <summary><c>--cap-add</c>: names with or without CAP_, any case, or ALL.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary><c>--cap-drop</c>: names with or without CAP_, any case, or ALL.</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary><c>--privileged</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary>
    /// <c>--security-opt</c> values: seccomp=, no-new-privileges, mask=, unmask=, label=, apparmor=.
    /// </summary>
    public IReadOnlyList<string> SecurityOpts { get; init; } = [];

    /// <summary><c>--read-only</c>.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>--read-only-tmpfs</c>: with --read-only, tmpfs on /tmp, /var/tmp and /run.</summary>
    public bool ReadOnlyTmpfs { get; init; } = true;

    /// <summary><c>--group-add</c>: group names or numbers, or keep-groups.</summary>
    public IReadOnlyList<string> GroupAdd { get; init; } = [];

    /// <summary><c>--device</c>: HOST[:CONTAINER][:PERMISSIONS].</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary><c>--ulimit</c>: NAME=SOFT[:HARD] or host.</summary>
    public IReadOnlyList<string> Ulimits { get; init; } = [];

    /// <summary><c>--sysctl</c>: NAME=VALUE.</summary>
    public IReadOnlyList<string> Sysctls { get; init; } = [];

    /// <summary><c>--init</c>: run catatonit as PID 1.</summary>
    public bool Init { get; init; }

    /// <summary><c>--init-path</c>: the init binary; null for the installed catatonit.</summary>
    public string? InitPath { get; init; }

    /// <summary><c>--ipc</c>, <c>--pid</c>, <c>--uts</c>, <c>--cgroupns</c>; null for the default.</summary>
    public string? Ipc { get; init; }
    public string? Pid { get; init; }
    public string? Uts { get; init; }
    public string? Cgroupns { get; init; }

    /// <summary><c>--shm-size</c>: the size of /dev/shm (go-units RAM size); null for 64m.</summary>
    public string? ShmSize { get; init; }

    /// <summary><c>--systemd</c> resolved by the CLI: true runs the container in systemd mode.</summary>
    public bool Systemd { get; init; }
}
