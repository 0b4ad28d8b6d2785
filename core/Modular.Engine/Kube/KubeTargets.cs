using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Pods;
using Modular.Engine.Volumes;

namespace Modular.Engine.Kube;

/// <summary>The containers, pods and volumes the names given to <c>kube generate</c> denote.</summary>
internal sealed record KubeTargets(
    IReadOnlyList<JsonObject> Containers,
    IReadOnlyList<PodView> Pods,
    IReadOnlyList<string> Volumes)
{
    /// <summary>Looks each name up as a container, then a pod, then a volume, as Podman does.</summary>
    public static async Task<KubeTargets> FindAsync(
        IReadOnlyList<string> names,
        IContainerService containers,
        IPodService pods,
        IVolumeService volumes,
        CancellationToken cancellationToken)
    {
        var foundContainers = new List<JsonObject>();
        var foundPods = new List<PodView>();
        var foundVolumes = new List<string>();
        foreach (var name in names)
        {
            if (await ContainerAsync(containers, name, cancellationToken) is { } container)
            {
                foundContainers.Add(container);
            }
            else if (await pods.ExistsAsync(name, cancellationToken))
            {
                foundPods.Add(await pods.GetAsync(name, cancellationToken));
            }
            else if (await volumes.ExistsAsync(name, cancellationToken))
            {
                foundVolumes.Add(name);
            }
            else
            {
                throw new NotFoundException($"name or ID \"{name}\" not found");
            }
        }

        return new KubeTargets(foundContainers, foundPods, foundVolumes);
    }

    private static async Task<JsonObject?> ContainerAsync(
        IContainerService containers,
        string name,
        CancellationToken cancellationToken)
    {
        JsonObject inspect;
        try
        {
            inspect = await containers.InspectAsync(name, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        // An infra holds the pod's namespaces: its members go with the pod, never alone.
        var pod = KubeContainer.Text(inspect["Pod"]);
        if (pod.Length > 0)
        {
            throw new InvalidInputException(
                $"container {KubeContainer.Text(inspect["Id"])} is associated with pod {pod}: "
                + "use generate on the pod itself");
        }

        return inspect;
    }
}
