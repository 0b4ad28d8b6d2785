using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Pods;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private PodStore PodRecords => new(_options.DatabaseRoot);

    /// <summary>
    /// <c>--pod</c>: the member joins each namespace the pod shares unless its own flag names
    /// another mode, as Podman defaults only unset namespaces to the pod's. In the pod's
    /// network, ports belong to the pod; in its UTS namespace, so does the hostname.
    /// </summary>
    private async Task<(CreateContainerRequest Request, PodConfig? Pod)> JoinPodAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Pod is null)
        {
            return (request, null);
        }

        var pod = await PodRecords.GetAsync(request.Pod, cancellationToken);
        request = UnderPodCgroup(request, pod);

        // As Podman: a member without its own --restart takes the pod's.
        if (!request.IsInfra && request.Restart is null && pod.RestartPolicy.Length > 0)
        {
            request = request with { Restart = pod.RestartPolicy };
        }

        if (request.IsInfra || pod.InfraId.Length == 0)
        {
            return (request, pod);
        }

        if (pod.Shares("net") && !PodNamespaces.ChoosesOwnNetwork(request))
        {
            request = SharePodNetwork(request, pod) with { NoHosts = request.NoHosts || pod.NoHosts };
        }

        if (PodNamespaces.Joins(pod, "uts", request.Security))
        {
            request = request.Hostname is null
                ? request with { Hostname = PodHostname(pod) }
                : throw new InvalidInputException(
                    "invalid config provided: cannot set hostname when joining the pod UTS namespace: "
                    + "invalid configuration");
        }

        return (request, pod);
    }

    // Every container of a pod goes under the pod's cgroup unless it names its own parent.
    private static CreateContainerRequest UnderPodCgroup(CreateContainerRequest request, PodConfig pod) =>
        pod.CgroupPath.Length > 0 && request.Resources.CgroupParent is not { Length: > 0 }
            ? request with { Resources = request.Resources with { CgroupParent = pod.CgroupPath } }
            : request;

    private static CreateContainerRequest SharePodNetwork(CreateContainerRequest request, PodConfig pod)
    {
        const string Shared = "network cannot be configured when it is shared with a pod";
        if (request.PortMappings.Count > 0 || request.PublishAll)
        {
            throw new InvalidInputException(
                "invalid config provided: published or exposed ports must be defined when the pod is created: "
                + Shared);
        }

        // --ip and --mac-address without --network name the default network, as in Podman.
        if (request.StaticIps.Count > 0 || request.MacAddress is { Length: > 0 })
        {
            throw new InvalidInputException(
                "invalid config provided: networks must be defined when the pod is created: " + Shared);
        }

        if (request.AddHosts.Count > 0)
        {
            throw new InvalidInputException(
                "invalid config provided: extra host entries must be specified on the pod: " + Shared);
        }

        return request with { Networks = [NetworkSelection.ContainerPrefix + pod.InfraId] };
    }

    /// <summary>The hostname a pod's UTS namespace carries: the one asked for, or the pod's name.</summary>
    public static string PodHostname(PodConfig pod) => pod.Hostname.Length > 0 ? pod.Hostname : pod.Name;

    private static ContainerConfig WithPod(
        ContainerConfig config,
        PodConfig? pod,
        CreateContainerRequest request)
    {
        var isInfra = request.IsInfra;
        if (pod is null)
        {
            return config;
        }

        var joined = new Dictionary<string, string>();
        if (!isInfra && pod.InfraId.Length > 0)
        {
            foreach (var kind in new[] { "ipc", "uts", "pid", "cgroup" }
                .Where(kind => PodNamespaces.Joins(pod, kind, request.Security)))
            {
                joined[kind] = pod.InfraId;
            }
        }

        return config with
        {
            Pod = pod.Id,
            PodName = pod.Name,
            IsInfra = isInfra,
            JoinedNamespaces = joined,
        };
    }

    /// <summary>A member needs its pod's infra running: its namespaces are reached through it.</summary>
    private async Task StartPodInfraAsync(string id, CancellationToken cancellationToken)
    {
        var record = await _store.FindAsync(id, cancellationToken);
        if (record?.Config.Pod is not { } podId || record.Config.IsInfra)
        {
            return;
        }

        var pod = await PodRecords.FindAsync(podId, cancellationToken);
        if (pod is null || pod.InfraId.Length == 0)
        {
            return;
        }

        var infra = await _store.FindAsync(pod.InfraId, cancellationToken);
        if (infra is not null && infra.State.Status != ContainerStatus.Running)
        {
            await StartAsync(pod.InfraId, cancellationToken);
        }
    }

    /// <summary>Points the spec's ipc, uts, pid or cgroup namespace at another container's.</summary>
    private async Task JoinNamespacesAsync(
        JsonObject spec,
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        if (config.JoinedNamespaces.Count == 0 || spec["linux"]?["namespaces"] is not JsonArray namespaces)
        {
            return;
        }

        foreach (var (kind, otherId) in config.JoinedNamespaces)
        {
            var other = await _store.FindAsync(otherId, cancellationToken);

            // The record may say running while its short-lived process has already exited.
            if (other is null || other.State.Status != ContainerStatus.Running || other.State.Pid <= 0
                || !Security.NamespaceJoin.IsJoinable(other.State.Pid))
            {
                throw new WrongStateException(
                    $"cannot join the {kind} namespace of container {other?.Config.Name ?? otherId}: "
                    + "it is not running: container state improper");
            }

            var path = $"/proc/{other.State.Pid}/ns/{kind}";
            var entry = namespaces.OfType<JsonObject>()
                .FirstOrDefault(ns => (string?)ns["type"] == kind);
            if (entry is null)
            {
                namespaces.Add(new JsonObject { ["type"] = kind, ["path"] = path });
            }
            else
            {
                entry["path"] = path;
            }
        }
    }

    /// <summary>Podman keeps a pod's infra while its pod exists: only <c>pod rm</c> removes it.</summary>
    private async Task RefuseInfraRemovalAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        if (config.IsInfra && config.Pod is { } podId
            && await PodRecords.FindAsync(podId, cancellationToken) is { } pod && pod.InfraId == config.Id)
        {
            // Podman exits 125 here, not rm's 2 for a container in use.
            throw new InvalidInputException(
                $"container {config.Id} is the infra container of pod {pod.Id} "
                + "and cannot be removed without removing the pod");
        }
    }

    /// <summary>
    /// <c>--exit-policy stop</c>: when the last member has exited, the infra stops too. Run
    /// from conmon's exit command; a pod being stopped or removed meanwhile is not an error.
    /// </summary>
    private async Task StopIdlePodAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        if (config.Pod is not { } podId || config.IsInfra)
        {
            return;
        }

        var pod = await PodRecords.FindAsync(podId, cancellationToken);
        if (pod is null || pod.ExitPolicy != PodExitPolicy.Stop || pod.InfraId.Length == 0)
        {
            return;
        }

        var records = await _store.ListAsync(cancellationToken);
        if (records.Any(r => r.Config.Pod == podId && !r.Config.IsInfra && IsLive(r)))
        {
            return;
        }

        try
        {
            await StopAsync(pod.InfraId, null, cancellationToken);
        }
        catch (ModularException)
        {
            // Stopped or removed by pod stop or pod rm in the meantime: the outcome wanted.
        }
    }
}
