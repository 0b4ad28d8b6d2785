using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags <c>create</c> and <c>run</c> share, and the request they build.</summary>
public sealed class RunFlags
{
    public Option<bool> Detach { get; } =
        Switch("--detach", "Start in the background and print the container ID", "-d");
    public Option<bool> Remove { get; } =
        Switch("--rm", "Delete the container once it exits");
    public Option<string?> Name { get; } = Value("--name", "Name for the new container");
    public Option<string[]> Env { get; } =
        Values("--env", "Set NAME=VALUE, or copy NAME from this shell; repeatable", "-e");
    public Option<string[]> EnvFile { get; } =
        Values("--env-file", "File of NAME=VALUE lines to add to the environment");
    public Option<string?> Entrypoint { get; } =
        Value("--entrypoint", "Program to run in place of the image's ENTRYPOINT");
    public Option<string?> Workdir { get; } =
        Value("--workdir", "Directory inside the container the command starts in", "-w");
    public Option<string?> User { get; } =
        Value("--user", "Run the command as this user[:group], by name or number", "-u");
    public Option<string?> Hostname { get; } =
        Value("--hostname", "Host name seen inside the container", "-h");
    public Option<string[]> Network { get; } =
        Values("--network", "Network mode (bridge, none, host, private, container:NAME, ns:PATH) or networks to join; repeatable", "--net");
    public Option<string[]> Publish { get; } =
        Values("--publish", "Publish a container port on the host: [[IP:][HOSTPORT]:]PORT[/PROTOCOL]; repeatable", "-p");
    public Option<bool> PublishAll { get; } =
        Switch("--publish-all", "Publish every port the image exposes on a free host port", "-P");
    public Option<string[]> Expose { get; } =
        Values("--expose", "Expose a port or range (PORT[-PORT][/PROTOCOL]) for -P; repeatable");
    public Option<string[]> Ip { get; } = Values("--ip", "Static IPv4 address on the network");
    public Option<string[]> Ip6 { get; } = Values("--ip6", "Static IPv6 address on the network");
    public Option<string?> MacAddress { get; } = Value("--mac-address", "Static MAC address on the network");
    public Option<string[]> NetworkAlias { get; } =
        Values("--network-alias", "Another name the container answers to on the network; repeatable");
    public Option<string[]> Dns { get; } = Values("--dns", "Name server for the container; repeatable");
    public Option<string[]> DnsSearch { get; } = Values("--dns-search", "DNS search domain; repeatable");
    public Option<string[]> DnsOption { get; } = Values("--dns-option", "resolv.conf option; repeatable");
    public Option<string[]> AddHost { get; } =
        Values("--add-host", "Add NAME:IP to /etc/hosts (IP may be host-gateway); repeatable");
    public Option<bool> NoHosts { get; } = Switch("--no-hosts", "Leave /etc/hosts as the image has it");
    public Option<bool> Rootfs { get; } =
        Switch("--rootfs", "IMAGE names a directory to use as the root filesystem, not an image");
    public Option<string?> LogDriver { get; } =
        Value("--log-driver", "Where output goes: k8s-file (the default), none, or passthrough (our own stdout and stderr)");
    public Option<string[]> LogOpt { get; } =
        Values("--log-opt", "Option for the log driver, as KEY=VALUE; repeatable");
    public Option<string[]> Label { get; } =
        Values("--label", "Label to put on the container, as KEY=VALUE; repeatable", "-l");
    public Option<string[]> Annotation { get; } =
        Values("--annotation", "Annotation to put in the container's OCI spec, as KEY=VALUE; repeatable");
    public Option<string?> Runtime { get; } =
        Value("--runtime", "OCI runtime for this container, by name or path");
    public Option<string?> Pull { get; } =
        Value("--pull", "When to pull the image: always, missing, never or newer");
    public Option<bool?> TlsVerify { get; } =
        new("--tls-verify") { Description = "Check the registry's certificate; false allows HTTP" };
    public Option<int?> StopTimeout { get; } =
        Number("--stop-timeout", "Seconds to let the container stop before it is killed");
    public Option<bool> Interactive { get; } =
        Switch("--interactive", "Keep stdin open, and forward ours while attached", "-i");
    public Option<bool> Tty { get; } =
        Switch("--tty", "Give the container a pseudo-terminal", "-t");
    public InteractiveFlags Attach { get; } = new();
    public Option<string?> AuthFile { get; } =
        Value("--authfile", "File holding registry credentials");
    public Argument<string> Image { get; } = One("IMAGE");
    public Option<string?> Restart { get; } =
        Value("--restart", "Restart policy on exit: no, on-failure[:max_retries], always, unless-stopped");
    public HealthOptions Health { get; } = new();
    public Option<string?> Pod { get; } =
        Value("--pod", "Pod to join by name or ID, or new:NAME to create it");

    /// <summary>--cidfile: a new file the container's ID is written to (see IdFile).</summary>
    public Option<string?> CidFile { get; } = Value("--cidfile", "Write the container ID to the file");

    /// <summary>--replace: remove a container holding the name first (see ReplaceFlag).</summary>
    public Option<bool> Replace { get; } =
        Switch("--replace", "If a container with the same name exists, replace it");

    /// <summary>-v, --mount, --tmpfs, --volumes-from, --image-volume.</summary>
    public VolumeFlags Volumes { get; } = new();

    /// <summary>--memory, --cpus, --pids-limit, --cgroups and the other resource flags.</summary>
    public ResourceOptions ResourceLimits { get; } = new();

    /// <summary>--cap-add, --privileged, --security-opt, --device, namespaces and the rest.</summary>
    public RunSecurityFlags Security { get; } = new();

    /// <summary>--unsetenv and --unsetenv-all.</summary>
    public EnvUnsetFlags EnvUnset { get; } = new();

    /// <summary>--tz.</summary>
    public TimezoneFlags Timezone { get; } = new();

    /// <summary>--stop-signal.</summary>
    public StopSignalFlags Stop { get; } = new();

    /// <summary>--rmi, --timeout, --conmon-pidfile, --kernel-memory (applied by the command).</summary>
    public RunLifetimeFlags Lifetime { get; } = new();

    /// <summary>--attach/-a: the streams an attached run shows (run only reads it).</summary>
    public RunStreamFlags Streams { get; } = new();

    /// <summary>--systemd.</summary>
    public RunSystemdFlags SystemdMode { get; } = new();

    /// <summary>--env-host, --http-proxy.</summary>
    public RunEnvFlags HostEnv { get; } = new();

    /// <summary>-q, --umask, --no-hostname, --preserve-fds and --preserve-fd.</summary>
    public RunProcessFlags Process { get; } = new();

    /// <summary>--uidmap and --gidmap.</summary>
    public RunIdMapFlags IdMaps { get; } = new();

    /// <summary>--secret.</summary>
    public RunSecretFlags Secrets { get; } = new();

    // The groups each add their own options; listed here, not nested, so a new group is one line.
    public Command AddTo(Command command)
    {
        Func<Command, Command>[] groups =
        [
            Volumes.AddTo, ResourceLimits.AddTo, Security.AddTo, EnvUnset.AddTo, Timezone.AddTo, Stop.AddTo,
            Lifetime.AddTo, Streams.AddTo, SystemdMode.AddTo, HostEnv.AddTo, Process.AddTo, IdMaps.AddTo,
            Secrets.AddTo,
        ];
        return groups.Aggregate(command.With(
        Detach, Remove, Name, Env, EnvFile, Entrypoint, Workdir, User, Hostname, Network, Rootfs,
        Publish, PublishAll, Expose, Ip, Ip6, MacAddress, NetworkAlias, Dns, DnsSearch, DnsOption, AddHost, NoHosts,
        LogDriver, LogOpt, Label, Annotation, Runtime, Pull, TlsVerify, StopTimeout, Interactive, Tty,
        Attach.DetachKeys, Attach.SigProxy, AuthFile, Image,
        Restart, Health.Command, Health.Interval, Health.Retries, Health.StartPeriod, Health.Timeout,
        Health.Disabled, Health.OnFailure, Health.LogDestination, Health.MaxLogCount, Health.MaxLogSize, Pod, CidFile, Replace), (c, add) => add(c));
    }

    /// <summary>Builds the engine request; <paramref name="attach"/> is false for -d and create.</summary>
    public CreateContainerRequest ToRequest(
        ParseResult r,
        IReadOnlyList<string> command,
        bool attach,
        Func<string, string?> hostEnv)
    {
        var rootfs = r.GetValue(Rootfs);
        return Secrets.AddTo(r, IdMaps.AddTo(r, Process.AddTo(r, SystemdMode.AddTo(r, Stop.AddTo(r, Timezone.AddTo(r, EnvUnset.AddTo(r, Security.AddTo(r, Volumes.AddTo(r, new CreateContainerRequest
        {
            Image = rootfs ? null : r.GetValue(Image),
            Rootfs = rootfs ? r.GetValue(Image) : null,
            Name = r.GetValue(Name),
            Command = command,
            Entrypoint = r.GetValue(Entrypoint),
            Env = [.. HostEnv.HostEntries(r, hostEnv), .. EnvironmentResolver.Resolve(r.GetValue(EnvFile)!, r.GetValue(Env)!, hostEnv)],
            WorkingDir = r.GetValue(Workdir),
            User = r.GetValue(User),
            Hostname = r.GetValue(Hostname),
            Networks = r.GetValue(Network)!,
            PortMappings = PublishParser.Parse(r.GetValue(Publish)!),
            PublishAll = r.GetValue(PublishAll),
            Expose = r.GetValue(Expose)!,
            StaticIps = [.. r.GetValue(Ip)!, .. r.GetValue(Ip6)!],
            MacAddress = r.GetValue(MacAddress),
            NetworkAliases = r.GetValue(NetworkAlias)!,
            DnsServers = r.GetValue(Dns)!,
            DnsSearch = r.GetValue(DnsSearch)!,
            DnsOptions = r.GetValue(DnsOption)!,
            AddHosts = r.GetValue(AddHost)!,
            NoHosts = r.GetValue(NoHosts),
            LogDriver = r.GetValue(LogDriver),
            LogOptions = r.GetValue(LogOpt)!,
            AutoRemove = r.GetValue(Remove),
            Runtime = r.GetValue(Runtime),
            StopTimeout = r.GetValue(StopTimeout),
            Labels = r.GetValue(Label)!,
            Annotations = r.GetValue(Annotation)!,
            Attach = attach,
            Pull = PullPolicy(r.GetValue(Pull)),
            TlsVerify = r.GetValue(TlsVerify),
            Restart = r.GetValue(Restart),
            Health = Health.ToFlags(r),
            Resources = ResourceLimits.ToFlags(r),
            Pod = r.GetValue(Pod),
            Tty = r.GetValue(Tty),
            Interactive = r.GetValue(Interactive),
        })))))))));
    }

    /// <summary>
    /// Podman's warning when -p or -P meets a mode without a namespace of the container's
    /// own (host, none, container:, ns:): the ports are dropped and the container still runs.
    /// </summary>
    public static string? DiscardedPortsWarning(CreateContainerRequest request)
    {
        var mode = request.Networks.FirstOrDefault() ?? "";
        var shared = mode is "host" or "none" || mode.StartsWith("container:", StringComparison.Ordinal)
            || mode.StartsWith("ns:", StringComparison.Ordinal);
        var name = mode.Split(':')[0] is "ns" ? "path" : mode.Split(':')[0];
        return shared && (request.PortMappings.Count > 0 || request.PublishAll)
            ? $"Port mappings have been discarded because \"{name}\" network namespace mode does not support them"
            : null;
    }

    public static PullPolicyMode PullPolicy(string? value) => value?.ToLowerInvariant() switch
    {
        null or "missing" or "ifmissing" or "ifnotpresent" => PullPolicyMode.Missing,
        "always" or "true" => PullPolicyMode.Always,
        "never" or "false" => PullPolicyMode.Never,
        "newer" or "ifnewer" => PullPolicyMode.Newer,
        _ => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"invalid pull policy \"{value}\"")),
    };
}
