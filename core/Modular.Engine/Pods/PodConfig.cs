using Modular.Contracts.Network;

namespace Modular.Engine.Pods;

/// <summary>
/// What a pod was created as, stored as JSON beside the containers. A pod has no process
/// of its own: its state is computed from its containers', its infra first among them.
/// </summary>
public sealed record PodConfig
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset Created { get; init; }

    /// <summary>The command line that created it, for inspect's CreateCommand.</summary>
    public IReadOnlyList<string> CreateCommand { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string>();

    /// <summary><c>--hostname</c> as given, or empty: members then see the pod's name.</summary>
    public string Hostname { get; init; } = "";

    /// <summary>Namespaces members take from the infra: net, uts, ipc, pid, cgroup.</summary>
    public IReadOnlyList<string> SharedNamespaces { get; init; } = [];

    /// <summary><c>--exit-policy</c>: continue, or stop (the infra stops with the last member).</summary>
    public string ExitPolicy { get; init; } = PodExitPolicy.Continue;

    public bool CreateInfra { get; init; } = true;

    /// <summary>The infra container's id, empty until it exists or without infra.</summary>
    public string InfraId { get; init; } = "";

    public string CgroupParent { get; init; } = "/modular_parent";

    /// <summary>
    /// The pod's own cgroup, PARENT/ID as Podman's cgroupfs manager names it, which every
    /// container of the pod goes under; empty when the pod has none (no infra, systemd).
    /// </summary>
    public string CgroupPath { get; init; } = "";

    /// <summary>The limits written into <see cref="CgroupPath"/> each time it is made; null: none.</summary>
    public Containers.Resources.ContainerResources? Limits { get; init; }

    /// <summary>The infra's published ports, for inspect's PortBindings.</summary>
    public IReadOnlyList<PortMapping> PortMappings { get; init; } = [];

    /// <summary><c>--network</c> values given to the pod, which its infra joined.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary><c>--no-hosts</c>: members in the pod's network keep the image's /etc/hosts.</summary>
    public bool NoHosts { get; init; }

    /// <summary><c>--restart</c> of the pod: what members without their own --restart get.</summary>
    public string RestartPolicy { get; init; } = "";

    /// <summary>Whether the pod shares <paramref name="kind"/> (net, uts, ipc, pid, cgroup).</summary>
    public bool Shares(string kind) => CreateInfra && SharedNamespaces.Contains(kind);
}
