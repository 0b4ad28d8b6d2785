using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Pods;

public sealed partial class PodService
{
    public async Task<PodView> StartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var pod = await GetAsync(nameOrId, cancellationToken);
        CreateCgroup(pod.Config);

        // The infra first: every member reaches its namespaces through the infra's process.
        foreach (var member in pod.Containers.Where(member => member.Status != ContainerStatus.Running))
        {
            await containers.StartAsync(member.Id, cancellationToken);
        }

        await EmitAsync(pod.Config, "start", cancellationToken);
        return await GetAsync(pod.Config.Id, cancellationToken);
    }

    public async Task<PodView> StopAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var pod = await GetAsync(nameOrId, cancellationToken);
        await StopMembersAsync(pod, timeoutSeconds, cancellationToken);

        // As Podman 5: a stopped pod keeps no cgroup; pod start makes it again with its limits.
        await RemoveCgroupAsync(pod.Config, cancellationToken);
        await EmitAsync(pod.Config, "stop", cancellationToken);
        return await GetAsync(pod.Config.Id, cancellationToken);
    }

    public async Task<PodView> RestartAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var pod = await StopAsync(nameOrId, null, cancellationToken);
        return await StartAsync(pod.Config.Id, cancellationToken);
    }

    public async Task<PodView> KillAsync(string nameOrId, string signal, CancellationToken cancellationToken)
    {
        // Podman checks the signal before it looks at the pod: a bad one is the first error.
        Containers.Signals.Parse(signal);
        var pod = await GetAsync(nameOrId, cancellationToken);
        var running = pod.Containers.Where(member => member.Status == ContainerStatus.Running).ToList();
        if (running.Count == 0)
        {
            throw new WrongStateException(
                $"no containers in pod {pod.Config.Id} are running: container state improper");
        }

        // Members before the infra, so none loses its namespaces while still being signalled.
        foreach (var member in running.OrderBy(member => member.IsInfra))
        {
            await containers.KillAsync(member.Id, signal, cancellationToken);
        }

        await EmitAsync(pod.Config, "kill", cancellationToken);
        return await GetAsync(pod.Config.Id, cancellationToken);
    }

    public async Task<string> RemoveAsync(
        string nameOrId,
        bool force,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var pod = await GetAsync(nameOrId, cancellationToken);
        if (!force)
        {
            RefuseRunning(pod);
        }

        await StopMembersAsync(pod, timeoutSeconds, cancellationToken, killPaused: true);
        var anonymous = await AnonymousVolumesAsync(pod, cancellationToken);
        foreach (var member in pod.Containers.Where(member => !member.IsInfra))
        {
            await RemoveMemberAsync(member.Id, cancellationToken);
        }

        // The record goes before the infra: the container service refuses to remove the
        // infra of a pod that still exists.
        await _pods.DeleteAsync(pod.Config.Id, cancellationToken);
        foreach (var infra in pod.Containers.Where(member => member.IsInfra))
        {
            await RemoveMemberAsync(infra.Id, cancellationToken);
        }

        if (volumes is not null && anonymous.Count > 0)
        {
            await volumes.RemoveIfUnusedAsync(anonymous, cancellationToken);
        }

        await RemoveCgroupAsync(pod.Config, cancellationToken);
        await EmitAsync(pod.Config, "remove", cancellationToken);
        return pod.Config.Id;
    }

    // Podman removes its members' anonymous volumes with the pod (named ones stay), unless
    // another container still uses one through --volumes-from.
    private async Task<List<string>> AnonymousVolumesAsync(PodView pod, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (volumes is null)
        {
            return names;
        }

        foreach (var member in pod.Containers)
        {
            names.AddRange(await volumes.AnonymousVolumesOfAsync(member.Id, cancellationToken));
        }

        return names;
    }

    public async Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var pod in await ListAsync(cancellationToken))
        {
            if (!pod.Containers.Any(IsActive))
            {
                removed.Add(await RemoveAsync(pod.Config.Id, force: false, null, cancellationToken));
            }
        }

        return removed;
    }

    private static void RefuseRunning(PodView pod)
    {
        // As libpod's checkReadyForRemoval: a running infra does not hold the pod back.
        var running = pod.Containers.FirstOrDefault(member => !member.IsInfra && IsActive(member));
        if (running is not null)
        {
            throw new WrongStateException(
                $"removing container {running.Id} from pod {pod.Config.Id}: cannot remove container "
                + $"{running.Id} as it is running - running or paused containers cannot be removed "
                + "without force: container state improper");
        }
    }

    // A paused container counts as running for rm, prune and stop, as in Podman.
    private static bool IsActive(PodMember member) =>
        member.Status is ContainerStatus.Running or ContainerStatus.Paused;

    // Members stop together, then the infra that holds their namespaces.
    // For pod rm, paused members get SIGKILL at once, as Podman removes them: frozen
    // processes could not act on the stop signal within any grace period.
    private async Task StopMembersAsync(
        PodView pod,
        int? timeoutSeconds,
        CancellationToken cancellationToken,
        bool killPaused = false)
    {
        int? Grace(PodMember member) =>
            killPaused && member.Status == ContainerStatus.Paused ? 0 : timeoutSeconds;

        var running = pod.Containers.Where(IsActive).ToList();
        await Task.WhenAll(running.Where(member => !member.IsInfra)
            .Select(member => containers.StopAsync(member.Id, Grace(member), cancellationToken)));
        foreach (var infra in running.Where(member => member.IsInfra))
        {
            await containers.StopAsync(infra.Id, Grace(infra), cancellationToken);
        }
    }

    // A --rm member may vanish on its own once stopped; that is the outcome asked for.
    private async Task RemoveMemberAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await containers.RemoveAsync(id, force: true, 0, cancellationToken);
        }
        catch (NotFoundException)
        {
        }
    }
}
