using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Remote.Services;

/// <summary>
/// What <c>restore</c> of checkpointed containers asks of <see cref="IContainerCheckpoints"/>,
/// over the libpod routes. The members that hand out paths on the service's host (tooling,
/// checkpoint directories, volumes, import of an unpacked archive) have no remote meaning.
/// </summary>
public sealed class RemoteContainerCheckpoints(
    LibpodClient libpod,
    RemoteCheckpointRunner runner) : IContainerCheckpoints
{
    public Task<CheckpointTooling> ToolingAsync(string runtime, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public Task<CheckpointOutcome> CheckpointAsync(
        string nameOrId,
        CheckpointRequest request,
        CancellationToken cancellationToken) =>
        runner.CheckpointAsync(nameOrId, new CheckpointRun(request), cancellationToken);

    public Task<CheckpointOutcome> RestoreAsync(
        string nameOrId,
        RestoreRequest request,
        CancellationToken cancellationToken) =>
        runner.RestoreAsync(nameOrId, request, cancellationToken);

    public Task<ContainerInfo> ImportAsync(
        string extractedArchive,
        ImportOverrides overrides,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    /// <summary>Stopped containers whose inspect says Checkpointed, as the engine counts them.</summary>
    public async Task<IReadOnlyList<string>> CheckpointedAsync(CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/containers/json?all=true", cancellationToken) as JsonArray ?? [];
        var found = new List<string>();
        foreach (var id in list.Select(c => c?["Id"]?.ToString()).OfType<string>())
        {
            var inspect = await libpod.GetJsonAsync($"libpod/containers/{id}/json", cancellationToken);
            var state = inspect?["State"];
            if (state?["Checkpointed"]?.GetValue<bool>() == true && state["Running"]?.GetValue<bool>() != true)
            {
                found.Add(id);
            }
        }

        return found;
    }

    public Task<IReadOnlyList<CheckpointVolume>> CheckpointVolumesAsync(
        string nameOrId,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public Task<string> CheckpointDirectoryAsync(string nameOrId, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();
}
