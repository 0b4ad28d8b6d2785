using Modular.Contracts.Errors;
using Modular.Engine.Images.Management;

namespace Modular.Remote.Services;

/// <summary><c>image tree</c> over GET /libpod/images/{name}/tree, Podman 4's {"Tree": text}.</summary>
public sealed class RemoteImageTreeRenderer(LibpodClient libpod) : IImageTreeRenderer
{
    public async Task<string> RenderAsync(string nameOrId, bool whatRequires, CancellationToken cancellationToken)
    {
        var path = new QueryText($"libpod/images/{nameOrId}/tree").Add("whatrequires", whatRequires);
        var report = await libpod.GetJsonAsync(path.ToString(), cancellationToken);
        return report?["Tree"]?.ToString() ?? throw new BackendException($"tree {nameOrId}: empty answer");
    }
}
