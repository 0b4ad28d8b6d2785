using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.State;

namespace Modular.Engine.Pods;

public sealed partial class PodService
{
    public Task<PodView> PauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        FreezeAsync(nameOrId, pause: true, cancellationToken);

    public Task<PodView> UnpauseAsync(string nameOrId, CancellationToken cancellationToken) =>
        FreezeAsync(nameOrId, pause: false, cancellationToken);

    /// <summary>
    /// As Podman's pod pause: members in the other state are skipped, not refused, so a
    /// pod with nothing to do still succeeds; a member that fails is reported with its id
    /// after the rest were tried.
    /// </summary>
    private async Task<PodView> FreezeAsync(string nameOrId, bool pause, CancellationToken cancellationToken)
    {
        var pod = await GetAsync(nameOrId, cancellationToken);
        var runtime = control ?? throw new CapabilityMissingException(
            (pause ? "pause" : "unpause") + ": no container control is configured");
        var wanted = pause ? ContainerStatus.Running : ContainerStatus.Paused;

        // Members first and the infra last on pause, the reverse on unpause, so the
        // process holding the namespaces is never frozen while a member still runs.
        var targets = pod.Containers.Where(member => member.Status == wanted)
            .OrderBy(member => member.IsInfra == pause).ToList();
        var failures = new List<string>();
        foreach (var member in targets)
        {
            try
            {
                await (pause
                    ? runtime.PauseAsync(member.Id, cancellationToken)
                    : runtime.UnpauseAsync(member.Id, cancellationToken));
            }
            catch (ModularException e)
            {
                failures.Add($"{(pause ? "pausing" : "unpausing")} container {member.Id}: {e.Message}");
            }
        }

        if (failures.Count > 0)
        {
            // Podman prints one Error line per failed member; the CLI prefixes the first.
            throw new BackendException(string.Join("\nError: ", failures));
        }

        await EmitAsync(pod.Config, pause ? "pause" : "unpause", cancellationToken);
        return await GetAsync(pod.Config.Id, cancellationToken);
    }
}
