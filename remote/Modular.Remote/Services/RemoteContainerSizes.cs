using System.Text.Json.Nodes;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// <c>ps --size</c> remotely: the service measures, in one listing with size=true, read once
/// per command; a container the listing lacks (removed meanwhile) has no size any more.
/// </summary>
public sealed class RemoteContainerSizes(LibpodClient libpod) : IContainerSizes
{
    private Dictionary<string, ContainerSize>? _sizes;

    public async Task<ContainerSize> MeasureAsync(
        ContainerInfo container,
        CancellationToken cancellationToken)
    {
        _sizes ??= await ListAsync(cancellationToken);
        return _sizes.GetValueOrDefault(container.Id) ?? new ContainerSize(0, 0);
    }

    private async Task<Dictionary<string, ContainerSize>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/containers/json?all=true&size=true", cancellationToken);
        var sizes = new Dictionary<string, ContainerSize>(StringComparer.Ordinal);
        foreach (var entry in (list as JsonArray ?? []).OfType<JsonObject>())
        {
            var size = entry["Size"] as JsonObject;
            var id = entry["Id"]?.ToString() ?? "";
            sizes[id] = new ContainerSize(Bytes(size, "rootFsSize"), Bytes(size, "rwSize"));
        }

        return sizes;
    }

    private static long Bytes(JsonObject? size, string key) =>
        size?[key] is JsonValue value && value.TryGetValue<long>(out var bytes) ? bytes : 0;
}
