using System.Globalization;
using System.Text.Json;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Containers.Resources;
using Modular.Engine.Images;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// Turns a create request, the configuration and the image into the container's fixed
/// config, with Podman's rules for entrypoint, command, environment and names.
/// <paramref name="defaultNetwork"/> is the network bridge mode joins by default; null
/// when no network service is configured, which leaves containers a private namespace.
/// </summary>
internal sealed class ContainerDefinition(
    CreateContainerRequest request,
    EngineOptions options,
    LocalImage? image,
    string? defaultNetwork = null)
{
    private const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ContainerConfig Build(string id, string runtimeId)
    {
        var (entrypoint, cmd) = ResolveCommand();
        var network = NetworkFlags.Parse(request, defaultNetwork);
        var networkMode = network.Mode;
        var restart = ResolveRestart();
        var resources = ResourceParser.ForCreate(
            request.Resources with { OomScoreAdj = request.Resources.OomScoreAdj ?? options.OomScoreAdj },
            options.PidsLimit);
        var exposed = ExposedPorts.Merge(image?.Config.ExposedPorts ?? [], request.Expose);
        var security = Security.SecurityResolver.Resolve(request.Security, networkMode);
        var hostname = request.Hostname
            ?? (networkMode == "host" ? Environment.MachineName : id[..12]);
        return new ContainerConfig
        {
            Id = id,
            Name = request.Name ?? NameGenerator.Next(),
            Created = DateTimeOffset.UtcNow,
            ImageId = image?.Id ?? "",
            ImageName = image is null ? "" : ImageName(image),
            ImageDigest = image?.Digest ?? "",
            WorkingDirGiven = request.WorkingDir is { Length: > 0 },
            RootfsPath = request.Rootfs is null ? null : Path.GetFullPath(RootfsDirectory(request.Rootfs)),
            RootfsOverlay = request.Rootfs?.EndsWith(RootfsOverlay.Suffix, StringComparison.Ordinal) == true,
            LayerId = image is null ? null : id,
            ParentLayerId = image?.TopLayerId,
            Entrypoint = entrypoint,
            Cmd = cmd,
            // Podman 5 runs an empty command and lets the runtime fail (127, its own text).
            ProcessArgs = entrypoint.Count + cmd.Count == 0 ? [""] : [.. entrypoint, .. cmd],
            Env = ResolveEnv(hostname),
            WorkingDir = NonEmpty(request.WorkingDir) ?? NonEmpty(image?.Config.WorkingDir) ?? "/",
            User = request.User ?? image?.Config.User ?? "",
            Hostname = hostname,
            NetworkMode = networkMode,
            Networks = network.Networks,
            PortMappings = NetworkSelection.SharesNamespace(networkMode) ? []
                : PublishedPorts.Complete(request.PortMappings, request.PublishAll, exposed),
            ExposedPorts = exposed,
            DnsServers = ValidDnsServers(networkMode),
            DnsSearch = request.DnsSearch,
            DnsOptions = request.DnsOptions,
            AddHosts = ValidAddHosts(),
            NoHosts = request.NoHosts,
            LogDriver = ResolveLogDriver(),
            LogSizeMax = ResolveLogSizeMax(),
            AutoRemove = request.AutoRemove,
            Runtime = runtimeId,
            StopSignal = request.StopSignal is { Length: > 0 } chosen ? Signals.Parse(chosen)
                : image?.Config.StopSignal is { Length: > 0 } signal ? Signals.Parse(signal) : Signals.Term,
            StopTimeout = request.StopTimeout ?? 10,
            Labels = ResolveLabels(),
            Annotations = ContainerAnnotations.Parse(request.Annotations),
            CgroupsPath = CgroupPlacement.PathFor(options.CgroupManager, id, resources),
            Resources = resources,
            Capabilities = Security.SecurityResolver.CapabilitiesFor(security, options.DefaultCapabilities),
            Security = security,
            RestartPolicy = restart.Name,
            RestartRetries = restart.MaximumRetryCount,
            Healthcheck = Health.HealthDefinition.Resolve(request.Health, image?.Config.Healthcheck),
            HealthOnFailure = Health.HealthDefinition.OnFailure(request.Health.OnFailure),
            HealthLogDestination = Health.HealthLogOptions.Destination(request.Health.LogDestination),
            HealthMaxLogCount = Health.HealthLogOptions.Count(request.Health.MaxLogCount),
            HealthMaxLogSize = Health.HealthLogOptions.Size(request.Health.MaxLogSize),
            Tty = request.Tty,
            OpenStdin = request.Interactive,
            AutoRemoveImage = request.AutoRemoveImage,
            Timeout = request.Timeout,
            Umask = request.Umask ?? "0022",
            NoHostname = request.NoHostname,
            PreserveFds = request.PreserveFds,
            PreserveFd = request.PreserveFd,
            UidMap = Spec.UserNamespaceSpec.Check(request.UidMap, "uidmap"),
            GidMap = Spec.UserNamespaceSpec.Check(
                request.GidMap.Count > 0 ? request.GidMap : request.UidMap, "gidmap"),
            ConmonPidFile = request.ConmonPidFile is { Length: > 0 } pidFile ? Path.GetFullPath(pidFile) : null,
        };
    }

    /// <summary>
    /// The flag checks that need no image, run before any pull as Podman runs them, so a
    /// bad value never leaves a pulled image or a container behind.
    /// </summary>
    public static void CheckFlags(CreateContainerRequest request)
    {
        // ResolveRestart reads only the request, so no options are needed to call it.
        new ContainerDefinition(request, null!, null).ResolveRestart();
        Health.HealthDefinition.Resolve(request.Health, null);
        Health.HealthDefinition.OnFailure(request.Health.OnFailure);
        ContainerAnnotations.Parse(request.Annotations);
        ResourceParser.ForCreate(request.Resources, 0);
        PodNamespaces.CheckHostname(request);
        Security.SecurityResolver.Resolve(
            request.Security, request.Networks.FirstOrDefault() ?? request.Network ?? "");
    }

    // Podman refuses --rm with a policy that would restart the container it removes.
    private RestartPolicy ResolveRestart()
    {
        var restart = RestartPolicy.Parse(request.Restart);
        return request.AutoRemove && !restart.AllowsAutoRemove
            ? throw new InvalidInputException(
                "the --rm option conflicts with --restart, when the restartPolicy is not \"\" and \"no\"")
            : restart;
    }

    /// <summary>The directory of a --rootfs value, without the :O overlay suffix.</summary>
    public static string RootfsDirectory(string rootfs) =>
        rootfs.EndsWith(RootfsOverlay.Suffix, StringComparison.Ordinal) ? rootfs[..^RootfsOverlay.Suffix.Length] : rootfs;

    private string ImageName(LocalImage localImage) =>
        localImage.Names.FirstOrDefault(name => name == request.Image
            || name == request.Image + ":latest"
            || name.EndsWith("/" + request.Image, StringComparison.Ordinal)
            || name.EndsWith("/" + request.Image + ":latest", StringComparison.Ordinal))
        ?? localImage.Names.FirstOrDefault() ?? localImage.Id;

    // Podman: --entrypoint '' clears the image's; a given entrypoint also drops the image's
    // Cmd; a command after the image replaces Cmd. A JSON array value is an argv.
    private (IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Cmd) ResolveCommand()
    {
        IReadOnlyList<string> entrypoint = request.Entrypoint switch
        {
            null => image?.Config.Entrypoint ?? [],
            "" => [],
            var value when value.TrimStart().StartsWith('[') =>
                JsonSerializer.Deserialize<string[]>(value) ?? [],
            var value => [value],
        };
        IReadOnlyList<string> cmd = request.Command.Count > 0 ? request.Command
            : request.Entrypoint is not null ? []
            : image?.Config.Cmd ?? [];
        return (entrypoint, cmd);
    }

    // Podman's checks and wording (specgen validation): a name server must be an address,
    // and DNS settings mean nothing where the container gets no resolv.conf of its own.
    private IReadOnlyList<string> ValidDnsServers(string networkMode)
    {
        foreach (var server in request.DnsServers)
        {
            if (!System.Net.IPAddress.TryParse(server, out _))
            {
                throw new InvalidInputException($"{server} is not an ip address");
            }
        }

        var dnsGiven = request.DnsServers.Count + request.DnsSearch.Count + request.DnsOptions.Count > 0;
        var mode = networkMode.Split(':', 2)[0];
        if (dnsGiven && mode is "none" or "container")
        {
            throw new InvalidInputException($"conflicting options: dns and the network mode: {mode}");
        }

        return request.DnsServers;
    }

    private IReadOnlyList<string> ValidAddHosts()
    {
        if (request.NoHosts && request.AddHosts.Count > 0)
        {
            throw new InvalidInputException("--no-hosts and --add-host cannot be set together");
        }

        foreach (var entry in request.AddHosts)
        {
            EtcFiles.SplitAddHost(entry);
        }

        return request.AddHosts;
    }

    private List<string> ResolveEnv(string hostname)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string entry)
        {
            var parts = entry.Split('=', 2);
            env[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }

        Set(DefaultPath);

        // Podman sets container=podman so software that detects containers by it behaves as under Podman.
        Set("container=podman");

        // As Podman, a terminal comes with TERM=xterm unless the image or the user set it.
        if (request.Tty)
        {
            Set("TERM=xterm");
        }

        foreach (var entry in image?.Config.Env ?? [])
        {
            Set(entry);
        }

        Set($"HOSTNAME={hostname}");

        // Podman: --unsetenv drops defaults and image values, never what --env sets.
        if (request.UnsetEnvAll)
        {
            env.Clear();
        }

        foreach (var name in request.UnsetEnv)
        {
            env.Remove(name);
        }

        foreach (var entry in request.Env)
        {
            // RUN-03: NAME without '=' copies the host's value, or leaves it unset when the host has none.
            if (!entry.Contains('='))
            {
                var hostValue = Environment.GetEnvironmentVariable(entry);
                if (hostValue is not null)
                {
                    env[entry] = hostValue;
                }

                continue;
            }

            Set(entry);
        }

        return env.Select(pair => $"{pair.Key}={pair.Value}").ToList();
    }

    private string ResolveLogDriver()
    {
        var driver = request.LogDriver ?? options.LogDriver;
        // As in Podman, json-file is written in the k8s-file format but keeps its name.
        return driver is "k8s-file" or "json-file" or "journald" or "none" or "passthrough"
            ? driver
            : throw new InvalidInputException("running container create option: invalid log driver: invalid argument");
    }

    private long ResolveLogSizeMax()
    {
        foreach (var option in request.LogOptions)
        {
            var parts = option.Split('=', 2);
            if (parts[0] == "max-size" && parts.Length == 2)
            {
                return ParseSize(parts[1]);
            }
        }

        return options.LogSizeMax;
    }

    // Podman reads max-size with go-units FromHumanSize: decimal units (8000 is 8kB, 5m is 5MB).
    private static long ParseSize(string value)
    {
        var text = value.Trim().ToLowerInvariant().TrimEnd('b');
        var exponent = text.Length == 0 ? 0 : "kmgtp".IndexOf(text[^1], StringComparison.Ordinal) + 1;
        var digits = exponent == 0 ? text : text[..^1];
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (long)Math.Round(number * Math.Pow(1000, exponent))
            : throw new InvalidInputException($"invalid log-opt max-size \"{value}\"");
    }

    private Dictionary<string, string> ResolveLabels()
    {
        var labels = new Dictionary<string, string>(image?.Config.Labels ?? new Dictionary<string, string>());
        foreach (var label in request.Labels)
        {
            var parts = label.Split('=', 2);
            labels[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }

        return labels;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
