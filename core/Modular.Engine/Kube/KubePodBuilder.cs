using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Pods;

namespace Modular.Engine.Kube;

/// <summary>
/// Builds the v1.Pod for a set of lone containers (one pod named after the first) or for a
/// pod (its members, the infra's published ports on the first member), as Podman does.
/// </summary>
internal sealed class KubePodBuilder(
    Func<JsonObject, CancellationToken, Task<KubeContainer>> describe,
    IContainerService containers,
    KubeGenerateOptions options)
{
    /// <summary>The pod holding lone containers, and the ports its Service would publish.</summary>
    public async Task<(JsonObject Pod, List<JsonNode> Ports)> FromContainersAsync(
        IReadOnlyList<JsonObject> inspects,
        CancellationToken cancellationToken)
    {
        var pod = new PodParts();
        var hostNetwork = true;
        string? restart = null;
        foreach (var inspect in inspects)
        {
            var container = await describe(inspect, cancellationToken);
            hostNetwork &= container.HostNetwork;
            restart ??= container.RestartPolicy;
            pod.Add(container, options);
            if (pod.Hostname.Length == 0 && !container.Id.Contains(container.Hostname, StringComparison.Ordinal))
            {
                pod.Hostname = container.Hostname;
            }
        }

        var names = inspects.Select(i => KubeNames.Clean(KubeContainer.Text(i["Name"]))).ToList();
        var name = names[0];
        // The pod must not share a name with one of its containers.
        name = names.Contains(name) ? name + "-pod" : name;
        var result = pod.ToPod(name, hostNetwork, RestartPolicyOf(restart ?? ""));
        return (result, pod.Ports);
    }

    /// <summary>The pod's v1.Pod, and the ports of its infra for the Service.</summary>
    public async Task<(JsonObject Pod, List<JsonNode> Ports)> FromPodAsync(
        PodView view,
        CancellationToken cancellationToken)
    {
        var members = view.Containers;
        if (members.Count == 0)
        {
            throw new InvalidInputException($"pod {view.Config.Id} has no containers");
        }

        if (members.Count == 1 && members[0].IsInfra)
        {
            throw new InvalidInputException($"pod {view.Config.Id} only has an infra container");
        }

        var (infraPorts, hostNetwork, infraName) = await InfraAsync(view, cancellationToken);
        var pod = new PodParts();
        if (infraName.Length > 0 && infraName != view.Config.Id[..12] + "-infra")
        {
            pod.Annotations["io.podman.annotations.infra.name"] = infraName;
        }

        foreach (var member in members.Where(m => !m.IsInfra))
        {
            var inspect = await containers.InspectAsync(member.Id, cancellationToken);
            var container = await describe(inspect, cancellationToken);
            var hostname = container.Hostname;
            if (pod.Hostname.Length == 0 && !container.Id.Contains(hostname, StringComparison.Ordinal)
                && hostname != view.Config.Name)
            {
                pod.Hostname = hostname;
            }

            pod.Add(container, options, view.Config.Shares("net") ? infraPorts : null);
        }

        var result = pod.ToPod(
            KubeNames.Clean(view.Config.Name), hostNetwork, RestartPolicyOf(view.Config.RestartPolicy));
        if (view.Config.Shares("pid"))
        {
            result["spec"]!["shareProcessNamespace"] = true;
        }

        return (result, [.. infraPorts.Select(p => p.DeepClone())]);
    }

    private async Task<(List<JsonNode> Ports, bool HostNetwork, string Name)> InfraAsync(
        PodView view,
        CancellationToken cancellationToken)
    {
        var infra = view.Containers.FirstOrDefault(m => m.IsInfra);
        if (infra is null)
        {
            return ([], false, "");
        }

        var inspect = await containers.InspectAsync(infra.Id, cancellationToken);
        var host = inspect["HostConfig"] as JsonObject ?? [];
        var ports = KubePorts.FromBindings(host["PortBindings"] as JsonObject, options.Service).ToList();
        return (ports, KubeContainer.Text(host["NetworkMode"]) == "host", infra.Name);
    }

    /// <summary>Podman's restart policies in Kubernetes' words; none is left to Kubernetes.</summary>
    private static string RestartPolicyOf(string policy) => policy switch
    {
        "no" => "Never",
        "always" => "Always",
        "on-failure" => "OnFailure",
        _ => "",
    };
}
