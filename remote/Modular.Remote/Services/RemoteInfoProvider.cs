using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Info;

namespace Modular.Remote.Services;

/// <summary><c>info</c> and the Server block of <c>version</c>, as the service reports them.</summary>
public sealed class RemoteInfoProvider(LibpodClient libpod) : IInfoProvider
{
    public async Task<InfoReport> GetInfoAsync(CancellationToken cancellationToken)
    {
        var info = await libpod.GetJsonAsync("libpod/info", cancellationToken) as JsonObject
            ?? throw new BackendException("info: empty answer");
        return new InfoReport(info, (JsonObject)info.DeepClone());
    }

    public InfoReport GetVersion() =>
        throw new CapabilityMissingException("version is asked of the service with ServerVersionAsync");

    /// <summary>GET /libpod/version: the service's own version object.</summary>
    public async Task<JsonObject> ServerVersionAsync(CancellationToken cancellationToken) =>
        await libpod.GetJsonAsync("libpod/version", cancellationToken) as JsonObject
            ?? throw new BackendException("version: empty answer");
}
