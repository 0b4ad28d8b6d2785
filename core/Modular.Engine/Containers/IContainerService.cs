using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Engine.Containers;

/// <summary>
/// The container lifecycle. Each container runs under its own conmon and outlives the CLI;
/// state lives in the SQLite database under graphroot and runroot, so any later modpod
/// process (or conmon's exit command, <c>container cleanup</c>) sees the same truth.
/// Names and ids are resolved by full name, full id or unique id prefix.
/// </summary>
public interface IContainerService
{
    /// <summary>Creates a container (pulling the image when missing) without starting it.</summary>
    Task<ContainerInfo> CreateAsync(CreateContainerRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a created or exited container, detached.</summary>
    Task StartAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the container attached: its stdout and stderr go to the given writers until it
    /// exits; returns its exit code. While attached, signals are forwarded by the caller
    /// through <see cref="KillAsync"/>; cancellation detaches, it does not stop the container.
    /// </summary>
    Task<int> StartAttachedAsync(
        string nameOrId,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken);

    /// <summary>Stops: the stop signal, then SIGKILL after <paramref name="timeoutSeconds"/>.</summary>
    Task<ContainerInfo> StopAsync(string nameOrId, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Sends a signal (name or number) to the container's main process.</summary>
    Task<ContainerInfo> KillAsync(string nameOrId, string signal, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a container. A running one without <paramref name="force"/> is refused with
    /// <see cref="Contracts.Errors.WrongStateException"/> (exit 2); a missing one throws
    /// <see cref="Contracts.Errors.NotFoundException"/> (exit 1).
    /// </summary>
    Task<ContainerInfo> RemoveAsync(string nameOrId, bool force, int? timeoutSeconds, CancellationToken cancellationToken);

    /// <summary>Waits until the container is not running; returns its exit code.</summary>
    Task<int> WaitAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// The exit code of a container removed in the last minutes (by full ID), or null: what a
    /// waiter that lost the race with <c>--rm</c>'s removal reports.
    /// </summary>
    int? RemovedExitCode(string containerId) => null;

    /// <summary>All containers (or only running ones), state refreshed from conmon's files.</summary>
    Task<IReadOnlyList<ContainerInfo>> ListAsync(bool all, CancellationToken cancellationToken);

    /// <summary>Finds one container.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such container.</exception>
    Task<ContainerInfo> ResolveAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Podman's <c>container inspect</c> JSON object.</summary>
    Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Podman's <c>ps --format json</c> object for one container.</summary>
    JsonObject Summarize(ContainerInfo container);

    /// <summary>Reads the container's log (k8s-file), optionally following until it exits.</summary>
    IAsyncEnumerable<LogLine> ReadLogsAsync(string nameOrId, LogReadOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Called by conmon's exit command after the container exits: records the exit code,
    /// unmounts, removes the runtime's state, and removes the container when it was --rm.
    /// </summary>
    Task CleanupAsync(string nameOrId, CancellationToken cancellationToken);
}

/// <summary>What <c>create</c> and <c>run</c> were asked for, flags already parsed.</summary>
public sealed record CreateContainerRequest
{
    /// <summary>The image reference, or null with <see cref="Rootfs"/>.</summary>
    public string? Image { get; init; }

    /// <summary>An exploded root filesystem (<c>--rootfs PATH</c>) instead of an image.</summary>
    public string? Rootfs { get; init; }

    public string? Name { get; init; }

    /// <summary>The command after the image; empty for the image's Cmd.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary><c>--entrypoint</c>: null for the image's, empty string to clear it.</summary>
    public string? Entrypoint { get; init; }

    /// <summary><c>-e</c> and <c>--env-file</c> values, NAME=VALUE, in order.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary><c>--secret</c> values as typed (NAME[,type=..,target=..]). Added for Issue #10.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }

    /// <summary><c>--network</c> when given once; <see cref="Networks"/> wins when not empty.</summary>
    public string? Network { get; init; }

    /// <summary>
    /// Every <c>--network</c> value in order: a mode (bridge, none, host, private,
    /// container:NAME, ns:PATH), network names, <c>a,b</c> lists, <c>NAME:ip=..,alias=..</c>.
    /// </summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary><c>-p</c> values parsed; a host port of 0 asks for a free one.</summary>
    public IReadOnlyList<PortMapping> PortMappings { get; init; } = [];

    /// <summary><c>-P</c>: publish the image's exposed ports on free host ports.</summary>
    public bool PublishAll { get; init; }

    /// <summary><c>--expose</c> values as typed: <c>PORT[-PORT][/PROTOCOL]</c>.</summary>
    public IReadOnlyList<string> Expose { get; init; } = [];

    /// <summary><c>--ip</c> and <c>--ip6</c>.</summary>
    public IReadOnlyList<string> StaticIps { get; init; } = [];

    /// <summary><c>--mac-address</c>.</summary>
    public string? MacAddress { get; init; }

    /// <summary><c>--network-alias</c>.</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary><c>--dns</c>, <c>--dns-search</c>, <c>--dns-option</c>.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];

    /// <summary><c>--add-host NAME:IP</c> (IP may be host-gateway).</summary>
    public IReadOnlyList<string> AddHosts { get; init; } = [];

    /// <summary><c>--no-hosts</c>.</summary>
    public bool NoHosts { get; init; }

    /// <summary><c>--log-driver</c>: k8s-file, none or passthrough; null for the configured.</summary>
    public string? LogDriver { get; init; }

    /// <summary><c>--log-opt</c> values, e.g. max-size=10m.</summary>
    public IReadOnlyList<string> LogOptions { get; init; } = [];

    /// <summary><c>--rm</c>.</summary>
    public bool AutoRemove { get; init; }

    /// <summary><c>--runtime</c> for this container, or null for the configured.</summary>
    public string? Runtime { get; init; }

    /// <summary><c>--stop-timeout</c>; default 10.</summary>
    public int? StopTimeout { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary><c>--annotation KEY=VALUE</c> values as typed; they go into the OCI spec.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>Whether the CLI will attach (run without -d); conmon then keeps stdio for attach.</summary>
    public bool Attach { get; init; }

    public PullPolicyMode Pull { get; init; } = PullPolicyMode.Missing;

    /// <summary>TLS choice for an implicit pull.</summary>
    public bool? TlsVerify { get; init; }

    /// <summary>
    /// Where an implicit pull writes its progress lines ("Trying to pull ..."), as Podman's
    /// run and create print them on stderr; null pulls silently. Added for Issue #9.
    /// </summary>
    public TextWriter? PullProgress { get; init; }

    /// <summary><c>--unsetenv</c>: names dropped from the default and image environment.</summary>
    public IReadOnlyList<string> UnsetEnv { get; init; } = [];

    /// <summary><c>--unsetenv-all</c>: only the variables given with --env remain.</summary>
    public bool UnsetEnvAll { get; init; }

    /// <summary><c>--stop-signal</c>: name or number; null keeps the image's or SIGTERM.</summary>
    public string? StopSignal { get; init; }

    /// <summary><c>-v</c> values as typed: <c>[SOURCE:]DEST[:OPTIONS]</c>.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary><c>--mount</c> values as typed: <c>type=...,KEY=VALUE,...</c>.</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];

    /// <summary><c>--tmpfs</c> values as typed: <c>DEST[:OPTIONS]</c>.</summary>
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary><c>--volumes-from</c> values: <c>CONTAINER[:ro|rw]</c>.</summary>
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    /// <summary><c>--image-volume</c>: bind (anonymous volumes, the default), tmpfs or ignore.</summary>
    public string? ImageVolume { get; init; }

    /// <summary><c>--restart</c> as typed (no, on-failure[:N], always, unless-stopped), or null.</summary>
    public string? Restart { get; init; }

    /// <summary>The <c>--health-*</c> flags as typed; null fields keep the image's values.</summary>
    public HealthFlags Health { get; init; } = new();

    /// <summary>The resource and cgroup flags as typed (<c>--memory</c>, <c>--cpus</c>, ...).</summary>
    public Resources.ResourceFlags Resources { get; init; } = new();
    /// <summary>Capabilities, seccomp, devices, namespaces and the other security flags, as typed.</summary>
    public Security.SecurityFlags Security { get; init; } = new();
    /// <summary><c>--pod NAME|ID</c>: the pod to join (its infra's namespaces), or null.</summary>
    public string? Pod { get; init; }

    /// <summary>Set by the pod service for the infra container it creates.</summary>
    public bool IsInfra { get; init; }
    /// <summary><c>-t</c>: give the container a terminal.</summary>
    public bool Tty { get; init; }

    /// <summary><c>-i</c>: keep the container's stdin open for attached clients.</summary>
    public bool Interactive { get; init; }

    /// <summary><c>--rmi</c>: remove the image once the --rm container is removed.</summary>
    public bool AutoRemoveImage { get; init; }

    /// <summary><c>--timeout</c>: seconds before conmon kills the container; 0 for none.</summary>
    public uint Timeout { get; init; }

    /// <summary><c>--conmon-pidfile</c>: a file that gets conmon's pid at each start, or null.</summary>
    public string? ConmonPidFile { get; init; }

    /// <summary><c>--umask</c> as typed (octal), or null for 0022. Added for Issue #9.</summary>
    public string? Umask { get; init; }

    /// <summary><c>--no-hostname</c>: no /etc/hostname is mounted. Added for Issue #9.</summary>
    public bool NoHostname { get; init; }

    /// <summary><c>--preserve-fds</c>: descriptors 3 to N+2 pass into the container.</summary>
    public uint PreserveFds { get; init; }

    /// <summary><c>--preserve-fd</c>: only these descriptors pass into the container.</summary>
    public IReadOnlyList<uint> PreserveFd { get; init; } = [];

    /// <summary><c>--uidmap</c> values as typed (CONTAINER:HOST:SIZE). Added for Issue #9.</summary>
    public IReadOnlyList<string> UidMap { get; init; } = [];

    /// <summary><c>--gidmap</c> values as typed; empty maps groups as <see cref="UidMap"/>.</summary>
    public IReadOnlyList<string> GidMap { get; init; } = [];
}

/// <summary><c>--pull</c>.</summary>
public enum PullPolicyMode
{
    Missing,
    Always,
    Never,
    Newer,
}

/// <summary>A container as listed: state refreshed from conmon's exit file.</summary>
/// <param name="Ports">Published ports (in container: mode, the other container's).</param>
/// <param name="ExposedPorts">The image's exposed ports, as 80/tcp.</param>
/// <param name="Networks">The networks joined, by name (bridge mode only).</param>
/// <param name="Pod">The pod's id, empty outside a pod; <paramref name="IsInfra"/> for its infra.</param>
public sealed record ContainerInfo(
    string Id,
    string Name,
    string ImageId,
    string ImageName,
    IReadOnlyList<string> Command,
    DateTimeOffset Created,
    string State,
    int? ExitCode,
    int? Pid,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    bool AutoRemove,
    string Runtime,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PortMapping>? Ports = null,
    IReadOnlyList<string>? ExposedPorts = null,
    IReadOnlyList<string>? Networks = null,
    string RestartPolicy = "",
    int RestartCount = 0,
    string HealthStatus = "",
    string Pod = "",
    string PodName = "",
    bool IsInfra = false);

/// <summary><c>logs</c> flags.</summary>
public sealed record LogReadOptions(
    bool Follow = false,
    int? Tail = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null);

/// <summary>One log line as conmon's k8s-file writes it.</summary>
public sealed record LogLine(DateTimeOffset Time, string Stream, bool Partial, string Text);
