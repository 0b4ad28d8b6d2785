using Modular.Engine.Containers.Export;

namespace Modular.Remote.Services;

/// <summary><c>export</c> over GET /libpod/containers/{name}/export: the tar streams to the client.</summary>
public sealed class RemoteContainerExporter(LibpodClient libpod) : IContainerExporter
{
    public async Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken)
    {
        using var response = await libpod.GetAsync(
            $"libpod/containers/{LibpodClient.Escape(nameOrId)}/export", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(output, cancellationToken);
    }
}
