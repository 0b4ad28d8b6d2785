using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// Bulk container verbs that remove (<c>rm -a</c>, <c>container prune</c>) leave a pod's
/// infra alone, as Podman does: the infra goes only with its pod, so naming it there would
/// print the infra guard's error for every pod.
/// </summary>
public static class InfraContainers
{
    public static async Task<IReadOnlyList<string>> WithoutInfraAsync(
        CliContext context,
        IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        var infra = (await context.Containers.ListAsync(true, cancellationToken))
            .Where(container => container.IsInfra)
            .Select(container => container.Id)
            .ToHashSet(StringComparer.Ordinal);
        return ids.Where(id => !infra.Contains(id)).ToList();
    }
}
