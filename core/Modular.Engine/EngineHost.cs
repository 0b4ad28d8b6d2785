using Modular.Engine.Configuration;

namespace Modular.Engine;

/// <summary>
/// The composition root of one modpod process: reads configuration, then builds the
/// service provider. Plugins are loaded lazily, when a command first resolves a backend,
/// so commands that need none (version, help) load none. Skeleton signature; the plugin
/// host work fills it in.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private EngineHost(EngineOptions options, IServiceProvider services)
    {
        Options = options;
        Services = services;
    }

    public EngineOptions Options { get; }

    /// <summary>Resolves IImageService, IContainerService, IEventLog, IOciRuntime, IStorageDriver ...</summary>
    public IServiceProvider Services { get; }

    /// <summary>Reads configuration for the given global flags and environment.</summary>
    public static EngineHost Create(GlobalFlags flags) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Podman's global flags as typed; null when not given.</summary>
public sealed record GlobalFlags(
    string? Root = null,
    string? RunRoot = null,
    string? StorageDriver = null,
    string? Runtime = null,
    string? CgroupManager = null,
    string? LogLevel = null,
    IReadOnlyList<string>? StorageOptions = null);
