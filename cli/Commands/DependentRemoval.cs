using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>rm --depend</c> (and <c>rm --all</c>, which Podman orders the same way): the
/// containers joining a target's namespaces go first, deepest first; a pod's infra takes its
/// whole pod with it. Prints each dependent's full id; the caller prints the target.
/// </summary>
public sealed class DependentRemoval(CliContext context, bool force, int? timeoutSeconds)
{
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>True when the target itself went with its pod (nothing left to remove).</summary>
    public async Task<bool> RemoveDependentsAsync(string target, CancellationToken cancellationToken)
    {
        var info = await context.Containers.ResolveAsync(target, cancellationToken);
        if (info.IsInfra && info.Pod.Length > 0)
        {
            await RemovePodAsync(info, cancellationToken);
            return true;
        }

        // A host without the engine's container service (a test double) has no dependents.
        var dependents = context.Services.GetService<IContainerDependents>();
        var ids = dependents is null ? [] : await dependents.DependentsAsync(target, cancellationToken);
        foreach (var id in ids)
        {
            if (_removed.Add(id))
            {
                await context.Containers.RemoveAsync(id, force, timeoutSeconds, cancellationToken);
                context.Out.WriteLine(id);
            }
        }

        return false;
    }

    /// <summary>Whether a target was removed already as another's dependent.</summary>
    public bool Removed(string id) => _removed.Contains(id);

    private async Task RemovePodAsync(ContainerInfo infra, CancellationToken cancellationToken)
    {
        var pods = PodCommands.Pods(context);
        var members = (await pods.GetAsync(infra.Pod, cancellationToken)).Containers;
        await pods.RemoveAsync(infra.Pod, force, timeoutSeconds, cancellationToken);
        foreach (var member in members.Where(member => member.Id != infra.Id))
        {
            _removed.Add(member.Id);
            context.Out.WriteLine(member.Id);
        }

        _removed.Add(infra.Id);
    }
}
