using System.Text.Json.Nodes;
using Modular.Engine.Containers.Diff;

namespace Modular.Remote.Services;

/// <summary>
/// <c>diff</c> over GET /libpod/images/{name}/changes: the service, as the engine, takes an
/// image or a container by that name (the images route takes names with slashes); Kind 0
/// changed, 1 added, 2 deleted.
/// </summary>
public sealed class RemoteLayerChanges(LibpodClient libpod) : ILayerChanges
{
    public async Task<IReadOnlyList<FileChange>> ForAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync(
            $"libpod/images/{nameOrId}/changes", cancellationToken);
        return (list as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => new FileChange(Kind(c["Kind"]?.GetValue<int>() ?? 0), c["Path"]?.ToString() ?? ""))
            .ToList();
    }

    private static char Kind(int kind) => kind switch
    {
        1 => 'A',
        2 => 'D',
        _ => 'C',
    };
}
