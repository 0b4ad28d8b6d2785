using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Pods;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>run</c>/<c>create --pod new:NAME</c>: the pod is created first and takes the
/// container's published ports, networks and hostname, as Podman moves them to the new pod.
/// </summary>
public static class PodMembership
{
    private const string NewPrefix = "new:";

    /// <summary>
    /// Creates the container, first its new pod for --pod new:NAME; a pod made here goes
    /// again when the container cannot be created, as in Podman.
    /// </summary>
    public static async Task<ContainerInfo> CreateContainerAsync(
        CliContext context,
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(context, request, cancellationToken);
        try
        {
            return await context.Containers.CreateAsync(prepared, cancellationToken);
        }
        catch when (!ReferenceEquals(prepared, request) && prepared.Pod is { } podId)
        {
            try
            {
                await PodCommands.Pods(context).RemoveAsync(podId, true, 0, CancellationToken.None);
            }
            catch (Contracts.Errors.ModularException e)
            {
                // The container's failure is the error to report; the pod's is a warning.
                await context.Error.WriteLineAsync($"WARN[0000] removing pod {podId}: {e.Message}");
            }

            throw;
        }
    }

    public static async Task<CreateContainerRequest> PrepareAsync(
        CliContext context,
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Pod is not { } pod || !pod.StartsWith(NewPrefix, StringComparison.Ordinal))
        {
            return request;
        }

        var created = await PodCommands.Pods(context).CreateAsync(
            new PodCreateRequest
            {
                Name = pod[NewPrefix.Length..],
                PortMappings = request.PortMappings,
                Networks = request.Networks,
                Hostname = request.Hostname,
                CreateCommand = Environment.GetCommandLineArgs(),
            },
            cancellationToken);
        // As Podman, the hostname and network settings move to the new pod.
        return request with
        {
            Pod = created.Id, PortMappings = [], Networks = [], Network = null, Hostname = null,
        };
    }
}
