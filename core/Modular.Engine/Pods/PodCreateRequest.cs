using Modular.Contracts.Network;

namespace Modular.Engine.Pods;

/// <summary>What <c>pod create</c> was asked for, flags already parsed.</summary>
public sealed record PodCreateRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Hostname { get; init; }

    /// <summary><c>--share</c> as typed, or null for net, uts and ipc.</summary>
    public string? Share { get; init; }

    public string? ExitPolicy { get; init; }

    /// <summary><c>--infra</c>: false makes a pod without an infra and without shared namespaces.</summary>
    public bool Infra { get; init; } = true;

    /// <summary><c>--infra-image</c>, or null for the locally built catatonit image.</summary>
    public string? InfraImage { get; init; }

    /// <summary><c>--infra-command</c>, or null for the image's entrypoint.</summary>
    public string? InfraCommand { get; init; }

    /// <summary><c>--infra-name</c>, or null for the first 12 characters of the pod id and -infra.</summary>
    public string? InfraName { get; init; }

    /// <summary><c>--network</c> values, given to the infra container.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary><c>-p</c> values parsed: the infra publishes them for the whole pod.</summary>
    public IReadOnlyList<PortMapping> PortMappings { get; init; } = [];

    /// <summary><c>--cgroup-parent</c>, or null for the default parent.</summary>
    public string? CgroupParent { get; init; }

    /// <summary><c>--no-hosts</c>: the infra and the members sharing its network keep the image's /etc/hosts.</summary>
    public bool NoHosts { get; init; }

    /// <summary><c>--dns</c>, <c>--dns-search</c>, <c>--dns-option</c>, <c>--add-host</c>, <c>--mac-address</c>: the infra's, which members in its network share.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];

    public IReadOnlyList<string> DnsSearch { get; init; } = [];

    public IReadOnlyList<string> DnsOptions { get; init; } = [];

    public IReadOnlyList<string> AddHosts { get; init; } = [];

    public string? MacAddress { get; init; }

    /// <summary><c>--restart</c>: the policy members inherit unless they set their own.</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>The command line, for inspect's CreateCommand.</summary>
    public IReadOnlyList<string> CreateCommand { get; init; } = [];

    /// <summary>
    /// Limits for the pod's cgroup (<c>pod create --memory</c>, <c>--cpus</c> ...): they bind
    /// all members together. Null: none.
    /// </summary>
    public Containers.Resources.ResourceFlags? Resources { get; init; }
}
