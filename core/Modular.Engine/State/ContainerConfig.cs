using Modular.Contracts.Network;

namespace Modular.Engine.State;

/// <summary>
/// What a container was created as; never changes after create. Stored as JSON in the
/// database under graphroot so it survives reboots.
/// </summary>
public sealed record ContainerConfig
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string ImageId { get; init; } = "";
    public string ImageName { get; init; } = "";

    /// <summary>The user's <c>--rootfs</c>, or null when the rootfs is a container layer.</summary>
    public string? RootfsPath { get; init; }

    /// <summary>The container's read-write layer id, or null with <see cref="RootfsPath"/>.</summary>
    public string? LayerId { get; init; }

    /// <summary>The image's top layer, below <see cref="LayerId"/>.</summary>
    public string? ParentLayerId { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>The argv the container runs: entrypoint then command.</summary>
    public IReadOnlyList<string> ProcessArgs { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary><c>--secret</c>s by name and ID (never data). Added for Issue #10.</summary>
    public IReadOnlyList<Modular.Engine.Secrets.ContainerSecret> Secrets { get; init; } = [];
    public string WorkingDir { get; init; } = "/";
    public string User { get; init; } = "";
    public required string Hostname { get; init; }

    /// <summary>
    /// <c>bridge</c> (joins <see cref="Networks"/>), <c>none</c>, <c>host</c>,
    /// <c>container:ID</c>, <c>ns:PATH</c>, or <c>private</c> (loopback only).
    /// </summary>
    public string NetworkMode { get; init; } = "private";

    /// <summary>
    /// In bridge mode, the networks joined, by name, with what was asked of each. The only
    /// part of the config that changes after create: <c>network connect</c> and
    /// <c>disconnect</c> rewrite it.
    /// </summary>
    public IReadOnlyDictionary<string, ContainerNetworkOptions> Networks { get; init; } =
        new Dictionary<string, ContainerNetworkOptions>();

    /// <summary>Published ports, host ports already chosen (random ones picked at create).</summary>
    public IReadOnlyList<PortMapping> PortMappings { get; init; } = [];

    /// <summary>The image's exposed ports (80/tcp), for <c>-P</c> and inspect.</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    /// <summary><c>--dns</c>, <c>--dns-search</c>, <c>--dns-option</c>: they replace the host's.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];

    /// <summary><c>--add-host</c> entries as typed (NAME:IP, host-gateway allowed).</summary>
    public IReadOnlyList<string> AddHosts { get; init; } = [];

    /// <summary><c>--no-hosts</c>: /etc/hosts is the image's, untouched.</summary>
    public bool NoHosts { get; init; }

    public string LogDriver { get; init; } = "k8s-file";
    public long LogSizeMax { get; init; } = -1;
    public bool AutoRemove { get; init; }
    public required string Runtime { get; init; }
    public int StopSignal { get; init; } = 15;
    public int StopTimeout { get; init; } = 10;
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--annotation</c>s, added to the spec's annotations (OCI hooks match on them).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } =
        new Dictionary<string, string>();
    public string CgroupsPath { get; init; } = "";
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Volumes, bind and tmpfs mounts, in the order they were given.</summary>
    public IReadOnlyList<ContainerMount> Mounts { get; init; } = [];

    /// <summary><c>--restart</c>: no, on-failure, always, unless-stopped, or empty.</summary>
    public string RestartPolicy { get; init; } = "";

    /// <summary>The N of on-failure:N; 0 retries without limit.</summary>
    public int RestartRetries { get; init; }

    /// <summary>The healthcheck from the flags or the image, or null for none.</summary>
    public Health.HealthConfig? Healthcheck { get; init; }

    /// <summary><c>--health-on-failure</c>: none, kill, restart or stop.</summary>
    public string HealthOnFailure { get; init; } = "none";

    /// <summary><c>--health-log-destination</c>: local, events_logger or a directory's absolute path.</summary>
    public string HealthLogDestination { get; init; } = Health.HealthLogOptions.Local;

    /// <summary><c>--health-max-log-count</c>: results kept; 0 keeps every one.</summary>
    public int HealthMaxLogCount { get; init; } = Health.HealthLogOptions.DefaultCount;

    /// <summary><c>--health-max-log-size</c>: characters of output kept per result; 0 keeps all.</summary>
    public int HealthMaxLogSize { get; init; } = Health.HealthLogOptions.DefaultSize;

    /// <summary>Resource limits and cgroup mode; <c>update</c> rewrites them.</summary>
    public Containers.Resources.ContainerResources Resources { get; init; } = new();
    /// <summary>Seccomp, namespaces, devices and the other security settings, resolved at create.</summary>
    public Security.SecuritySettings Security { get; init; } = new();
    /// <summary>The id of the pod the container belongs to, or null.</summary>
    public string? Pod { get; init; }

    /// <summary>The pod's name, kept for ps (a pod cannot be renamed).</summary>
    public string PodName { get; init; } = "";

    /// <summary>True for a pod's infra container, which holds the namespaces its members join.</summary>
    public bool IsInfra { get; init; }

    /// <summary>
    /// Namespaces (OCI types: ipc, uts, pid, cgroup) taken from another container, by its id;
    /// joined through that container's main process at start.
    /// </summary>
    public IReadOnlyDictionary<string, string> JoinedNamespaces { get; init; } =
        new Dictionary<string, string>();
    /// <summary><c>-t</c>: the process runs on a terminal whose master conmon holds.</summary>
    public bool Tty { get; init; }

    /// <summary><c>-i</c>: conmon keeps the process's stdin for attached clients.</summary>
    public bool OpenStdin { get; init; }

    /// <summary><c>--rmi</c>: the image goes when the --rm container is removed.</summary>
    public bool AutoRemoveImage { get; init; }

    /// <summary><c>--timeout</c>: conmon kills the container after this many seconds; 0 for none.</summary>
    public uint Timeout { get; init; }

    /// <summary><c>--conmon-pidfile</c>: written with conmon's pid at each start, or null.</summary>
    public string? ConmonPidFile { get; init; }

    /// <summary>The manifest digest of the image the container was made from; empty for --rootfs.</summary>
    public string ImageDigest { get; init; } = "";

    /// <summary>--workdir was given: it must exist at start (an image's WORKDIR is created).</summary>
    public bool WorkingDirGiven { get; init; }

    /// <summary><c>--rootfs DIR:O</c>: DIR is the read-only lower layer of an overlay.</summary>
    public bool RootfsOverlay { get; init; }

    /// <summary>
    /// <c>--runtime PATH</c>: the executable of <see cref="Runtime"/>'s kind this container
    /// runs with, shown by inspect as given; null for the configured one.
    /// </summary>
    public string? RuntimePath { get; init; }

    /// <summary><c>--umask</c>: the process's umask, octal as Podman shows it.</summary>
    public string Umask { get; init; } = "0022";

    /// <summary><c>--no-hostname</c>: no /etc/hostname is mounted into the container.</summary>
    public bool NoHostname { get; init; }

    /// <summary>
    /// <c>--preserve-fds</c>/<c>--preserve-fd</c>: descriptors of the starting process passed
    /// in at each start, as Podman keeps them in its config.
    /// </summary>
    public uint PreserveFds { get; init; }

    /// <inheritdoc cref="PreserveFds"/>
    public IReadOnlyList<uint> PreserveFd { get; init; } = [];

    /// <summary>
    /// <c>--uidmap</c>/<c>--gidmap</c> checked, as CONTAINER:HOST:SIZE: not empty, the
    /// container runs in a user namespace of its own with these mappings.
    /// </summary>
    public IReadOnlyList<string> UidMap { get; init; } = [];

    /// <inheritdoc cref="UidMap"/>
    public IReadOnlyList<string> GidMap { get; init; } = [];
}
