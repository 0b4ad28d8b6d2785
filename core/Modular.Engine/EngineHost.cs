using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Build;
using Modular.Engine.Commit;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Images;
using Modular.Engine.Info;
using Modular.Engine.Kube;
using Modular.Engine.Logging;
using Modular.Engine.Maintenance;
using Modular.Engine.Networks;
using Modular.Engine.Plugins;
using Modular.Engine.Pods;
using Modular.Engine.Secrets;
using Modular.Engine.Volumes;

namespace Modular.Engine;

/// <summary>
/// The composition root of one modpod process: reads configuration, then builds the
/// service provider. Plugins are loaded lazily, when a command first resolves a backend,
/// so commands that need none (version, help) load none.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private EngineHost(EngineOptions options, ServiceProvider provider)
    {
        Options = options;
        _provider = provider;
    }

    public EngineOptions Options { get; }

    /// <summary>
    /// Resolves IImageService, IContainerService, IEventLog, IRuntimeRegistry, IStorageDriver,
    /// StorageDriverProvider, IInfoProvider, PluginHost, INetworkService, INetworkContainers.
    /// </summary>
    public IServiceProvider Services => _provider;

    /// <summary>Reads configuration for the given global flags and environment.</summary>
    /// <param name="flags">The global flags as typed.</param>
    /// <param name="needsStore">
    /// False for commands that touch no store (<c>version</c>, <c>help</c>): they run for any
    /// user. Every other command is refused for non-root users until rootless mode exists.
    /// </param>
    /// <exception cref="CapabilityMissingException">A non-root user and a store is needed.</exception>
    /// <exception cref="InvalidInputException">A configuration file or flag is invalid.</exception>
    public static EngineHost Create(GlobalFlags flags, bool needsStore = true) =>
        Create(flags, needsStore, ConfigSources.FromProcess());

    /// <summary>As <see cref="Create(GlobalFlags, bool)"/>, with the caller's configuration sources.</summary>
    public static EngineHost Create(GlobalFlags flags, bool needsStore, ConfigSources sources)
    {
        if (needsStore && !sources.IsRoot)
        {
            // Limitation: rootless mode needs user namespaces and ID maps end to end; until
            // it exists, refuse plainly rather than fail halfway with EPERM.
            throw new CapabilityMissingException("rootless mode is not supported yet");
        }

        var configuration = ConfigurationLoader.Load(flags, sources);
        var provider = BuildServices(configuration.Options);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Configuration");
        foreach (var warning in configuration.Warnings)
        {
            logger.LogWarning("{ConfigWarning}", warning);
        }

        return new EngineHost(configuration.Options, provider);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static ServiceProvider BuildServices(EngineOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(options);
        services.AddLogging(logging => ConfigureLogging(logging, options.LogLevel));
        services.AddModularPlugins();
        services.AddSingleton<IEventLog, EventLog>();
        services.AddSingleton<IInfoProvider, InfoProvider>();
        services.AddModularImages();
        services.AddModularContainers();
        services.AddModularNetworks();
        services.AddModularVolumes();
        services.AddModularSecrets();
        services.AddModularMaintenance();
        services.AddModularPods();
        services.AddModularKube();
        services.AddModularBuild();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
    }

    // Logs go to stderr only: stdout carries command output, so --format json stays clean.
    private static void ConfigureLogging(ILoggingBuilder logging, string level)
    {
        var minimum = ToLogLevel(level);
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        logging.AddProvider(new StderrLoggerProvider(minimum));
    }

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}
