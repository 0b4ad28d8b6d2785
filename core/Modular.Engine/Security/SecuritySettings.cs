namespace Modular.Engine.Security;

/// <summary>
/// A container's security settings, checked and resolved at create and kept in its config;
/// the spec is built from them at each start.
/// </summary>
public sealed record SecuritySettings
{
    public bool Privileged { get; init; }

    /// <summary>Capabilities added with --cap-add, as CAP_ names; a non-root user gets only these.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Capabilities dropped with --cap-drop, as CAP_ names (or ALL).</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary><c>unconfined</c>, a profile's path, or empty for the built-in default profile.</summary>
    public string SeccompProfile { get; init; } = "";

    public bool NoNewPrivileges { get; init; }

    /// <summary>The AppArmor profile asked for with <c>apparmor=</c>; empty for none.</summary>
    public string ApparmorProfile { get; init; } = "";

    /// <summary>Mount options for /proc (<c>proc-opts=</c>), such as hidepid=2.</summary>
    public IReadOnlyList<string> ProcOpts { get; init; } = [];

    /// <summary>Paths added to the masked paths (<c>mask=</c>).</summary>
    public IReadOnlyList<string> Mask { get; init; } = [];

    /// <summary>Paths taken from the masked and read-only paths (<c>unmask=</c>); ALL for all.</summary>
    public IReadOnlyList<string> Unmask { get; init; } = [];

    /// <summary>The --security-opt values as typed, for inspect.</summary>
    public IReadOnlyList<string> SecurityOpts { get; init; } = [];

    public bool ReadOnly { get; init; }
    public bool ReadOnlyTmpfs { get; init; } = true;

    /// <summary>Additional groups as typed (names resolve in the image at start).</summary>
    public IReadOnlyList<string> GroupAdd { get; init; } = [];

    public IReadOnlyList<DeviceMapping> Devices { get; init; } = [];

    /// <summary>--ulimit values, NAME=SOFT[:HARD]; they override default_ulimits by name.</summary>
    public IReadOnlyList<string> Ulimits { get; init; } = [];

    public IReadOnlyDictionary<string, string> Sysctls { get; init; } = new Dictionary<string, string>();

    /// <summary>The init binary bind-mounted as /run/podman-init, or null without --init.</summary>
    public string? InitPath { get; init; }

    /// <summary>Namespace modes: host, private, shareable (ipc), none (ipc), ns:PATH, container:ID.</summary>
    public string Ipc { get; init; } = "shareable";
    public string Pid { get; init; } = "private";
    public string Uts { get; init; } = "private";

    /// <summary>On cgroup v1 Podman's default is the host's cgroup namespace.</summary>
    public string Cgroupns { get; init; } = "host";

    /// <summary>Bytes of the /dev/shm tmpfs; Podman's default is 65536000.</summary>
    public long ShmSize { get; init; } = ShmMount.DefaultSize;

    /// <summary>systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal; no /dev/ttyN.</summary>
    public bool Systemd { get; init; }
}
