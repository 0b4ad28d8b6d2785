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
