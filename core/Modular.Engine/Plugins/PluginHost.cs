using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Contracts.Network;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;
using Modular.Contracts.Storage;
using Modular.Engine.Configuration;

namespace Modular.Engine.Plugins;

/// <summary>
/// Finds plugins by manifest and loads only the one a command asks for, the first time it
/// asks. Each loaded plugin gets its own load context (the contracts and DI abstractions are
/// the host's, so its types are ours) and its own service provider, in which its module
/// registers the implementation of the selected id.
/// </summary>
public sealed partial class PluginHost : IDisposable
{
    // The types whose identity must be the host's, or a plugin's IOciRuntime would not be ours.
    private static readonly Type[] SharedTypes =
    [
        typeof(IPluginModule), typeof(IOciRuntime), typeof(IStorageDriver), typeof(INetworkBackend),
        typeof(ICheckpointer), typeof(IHookProvider), typeof(IServiceCollection),
        typeof(IServiceProvider), typeof(ILogger), typeof(ILoggerFactory),
    ];

    private readonly EngineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<PluginHost> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(PluginKind, string), object> _loaded = [];
    private readonly Dictionary<(PluginKind, string), PluginStatus> _outcomes = [];
    private readonly List<IDisposable> _owned = [];
    private PluginCatalog? _catalog;

    public PluginHost(EngineOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<PluginHost>();
    }

    /// <summary>The manifests found; scanned on first use, so commands needing none read none.</summary>
    public PluginCatalog Catalog
    {
        get
        {
            lock (_lock)
            {
                return _catalog ??= PluginCatalog.Scan(_options.PluginDirectories);
            }
        }
    }

    /// <summary>Whether any plugin was loaded by this process (<c>version</c> loads none).</summary>
    public bool AnyLoaded
    {
        get
        {
            lock (_lock)
            {
                return _loaded.Count > 0;
            }
        }
    }

    /// <summary>
    /// The implementation of <paramref name="kind"/> for <paramref name="id"/>, loading its
    /// plugin on first use; null when no installed manifest offers the id.
    /// </summary>
    /// <exception cref="BackendException">
    /// The plugin failed to load, or its folder was skipped (e.g. built for other contracts);
    /// the message names kind and id.
    /// </exception>
    public T? Load<T>(PluginKind kind, string id)
        where T : class
    {
        var descriptor = Catalog.Find(kind, id);
        if (descriptor is null)
        {
            // The selected plugin is installed but refused (contracts version, bad manifest):
            // that reason is the user's error, not "unknown id".
            return Catalog.SkippedFor(kind, id) is { Reason: { } reason }
                ? throw new BackendException(reason)
                : null;
        }

        lock (_lock)
        {
            if (_loaded.TryGetValue((kind, id), out var cached))
            {
                return (T)cached;
            }

            var loaded = LoadNew<T>(descriptor, id);
            _loaded[(kind, id)] = loaded;
            return loaded;
        }
    }

    /// <summary>Every plugin id with its status, for <c>modpod info</c>.</summary>
    public IReadOnlyList<PluginStatus> Statuses()
    {
        var catalog = Catalog;
        lock (_lock)
        {
            var statuses = new List<PluginStatus>();
            foreach (var plugin in catalog.Accepted)
            {
                var kind = PluginKindNames.ToName(plugin.Kind);
                statuses.AddRange(plugin.Ids.Select(id => _outcomes.GetValueOrDefault((plugin.Kind, id))
                    ?? new PluginStatus(kind, id, "available", null, plugin.Directory)));
            }

            statuses.AddRange(catalog.Skipped);
            return statuses;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            // Providers first, then their load contexts; reverse order of creation.
            for (var i = _owned.Count - 1; i >= 0; i--)
            {
                _owned[i].Dispose();
            }

            _owned.Clear();
        }
    }

    private T LoadNew<T>(PluginDescriptor descriptor, string id)
        where T : class
    {
        var kind = PluginKindNames.ToName(descriptor.Kind);
        try
        {
            var implementation = Instantiate<T>(descriptor, id);
            _outcomes[(descriptor.Kind, id)] =
                new PluginStatus(kind, id, "loaded", null, descriptor.Directory);
            Log.PluginLoaded(_logger, kind, id, descriptor.AssemblyPath);
            return implementation;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = (e as System.Reflection.TargetInvocationException)?.InnerException?.Message
                ?? e.Message;
            _outcomes[(descriptor.Kind, id)] =
                new PluginStatus(kind, id, "failed", error, descriptor.Directory);
            throw new BackendException(
                $"{kind} plugin \"{id}\" failed to load from {descriptor.Directory}: {error}",
                e);
        }
    }

    private T Instantiate<T>(PluginDescriptor descriptor, string id)
        where T : class
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            descriptor.AssemblyPath,
            SharedTypes,
            config => config.PreferSharedTypes = true);
        _owned.Add(loader);

        var assembly = loader.LoadDefaultAssembly();
        var moduleType = assembly.GetType(descriptor.ModuleType, throwOnError: true)!;
        var module = Activator.CreateInstance(moduleType) as IPluginModule
            ?? throw new InvalidOperationException($"{descriptor.ModuleType} is not an IPluginModule");

        var services = new ServiceCollection();
        services.AddSingleton(_loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        module.Register(services, id);
        var provider = services.BuildServiceProvider();
        _owned.Add(provider);

        return provider.GetService<T>()
            ?? throw new InvalidOperationException(
                $"module {descriptor.ModuleType} registered no {typeof(T).Name}");
    }
}
