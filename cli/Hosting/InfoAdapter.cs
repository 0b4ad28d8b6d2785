using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Cli.Hosting;

/// <summary>
/// The CLI's only contact with the engine's info provider, written before that provider
/// existed. It expects <c>Modular.Engine.Info.IInfoProvider</c> with
/// <c>Task&lt;JsonObject&gt; GetInfoAsync(CancellationToken)</c> and
/// <c>JsonObject GetVersion()</c>; if the names differ, fix them here and nowhere else
/// (then a direct call can replace the reflection).
/// </summary>
public static class InfoAdapter
{
    private const string ProviderType = "Modular.Engine.Info.IInfoProvider";

    public static async Task<JsonObject> GetInfoAsync(
        CliContext context,
        CancellationToken cancellationToken)
    {
        var (provider, type) = Resolve(context);
        var method = type.GetMethod("GetInfoAsync", [typeof(CancellationToken)])
            ?? throw Missing("GetInfoAsync");
        var task = (Task<JsonObject>)method.Invoke(provider, [cancellationToken])!;
        return await task;
    }

    /// <summary>The engine's version object (Podman's <c>version --format json</c> shape), or null.</summary>
    public static JsonObject? TryGetEngineVersion(CliContext context)
    {
        var (provider, type) = Resolve(context);
        return type.GetMethod("GetVersion", Type.EmptyTypes)?.Invoke(provider, []) as JsonObject;
    }

    private static (object Provider, Type Type) Resolve(CliContext context)
    {
        var type = typeof(Engine.EngineHost).Assembly.GetType(ProviderType) ?? throw Missing(ProviderType);
        var provider = context.Services.GetService(type) ?? throw Missing(ProviderType);
        return (provider, type);
    }

    private static BackendException Missing(string what) =>
        new($"info is not available: the engine does not provide {what}");
}
