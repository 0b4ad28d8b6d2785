using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Contracts.Runtime;
using Modular.Engine.Configuration;
using Modular.Engine.Conmon;
using Modular.Engine.Events;
using Modular.Engine.Images;
using Modular.Engine.Locking;
using Modular.Engine.Networks;
using Modular.Engine.Plugins;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// The container lifecycle over SQLite state, flock locks, conmon and the runtime plugins.
/// Every lifecycle step takes the container's lock; state changes are written to the
/// database and appended to the event log before the call returns.
/// </summary>
public sealed partial class ContainerService : IContainerService
{
    private readonly EngineOptions _options;
    private readonly IRuntimeRegistry _runtimes;
    private readonly IEventLog _events;
    private readonly ILayerStore? _layers;
    private readonly IImageService? _images;
    private readonly INetworkService? _networks;
    private readonly ContainerServiceOptions _serviceOptions;
    private readonly CheckpointerProvider? _checkpointers;
    private readonly ILogger<ContainerService> _logger;
    private readonly ContainerStore _store;
    private readonly LockPaths _locks;
    private readonly ConmonLauncher _conmon = new();
    private readonly ConmonExitWaits _conmonExits = new();
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private bool _initialized;

    public ContainerService(
        EngineOptions options,
        IRuntimeRegistry runtimes,
        IEventLog events,
        ILogger<ContainerService> logger,
        ContainerServiceOptions? serviceOptions = null,
        ILayerStore? layers = null,
        IImageService? images = null,
        INetworkService? networks = null,
        CheckpointerProvider? checkpointers = null)
    {
        _options = options;
        _runtimes = runtimes;
        _events = events;
        _logger = logger;
        _serviceOptions = serviceOptions ?? new ContainerServiceOptions();
        _layers = layers;
        _images = images;
        _networks = networks;
        _checkpointers = checkpointers;
        _store = new ContainerStore(options.DatabaseRoot);
        _locks = new LockPaths(options.RunRoot);
    }

    private ContainerPaths PathsFor(string id) => new(_options.GraphRoot, _options.RunRoot, id);

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await _store.InitializeAsync(cancellationToken);
                await new RebootRecovery(_store, _locks, _options.RunRoot).RunAsync(cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <summary>Finds a record or throws Podman's "no such container" error.</summary>
    private async Task<ContainerRecord> FindAsync(
        string nameOrId,
        CancellationToken cancellationToken)
    {
        // Podman refuses an empty name before any lookup (libpod's ErrEmptyID), exit 125.
        if (string.IsNullOrEmpty(nameOrId))
        {
            throw new InvalidInputException("name or ID cannot be empty");
        }

        await EnsureInitializedAsync(cancellationToken);
        // Docker's API names containers "/name"; Podman accepts that spelling too.
        return await _store.FindAsync(nameOrId, cancellationToken)
            ?? (nameOrId.Length > 1 && nameOrId[0] == '/' ? await _store.FindAsync(nameOrId[1..], cancellationToken) : null)
            ?? throw NoSuchContainer(nameOrId);
    }

    // Podman's exact text for a missing container: scripts match it.
    private static NotFoundException NoSuchContainer(string nameOrId) =>
        new($"no container with name or ID \"{nameOrId}\" found: no such container");

    private RuntimeCommands RuntimeFor(ContainerConfig config)
    {
        var runtime = _runtimes.Get(config.Runtime);
        var command = runtime.Resolve(ContextFor(config.Runtime, config.RuntimePath));
        var flags = _options.RuntimeFlagsOverride ?? _options.RuntimeFlags.GetValueOrDefault(config.Runtime) ?? [];
        return new RuntimeCommands(flags.Count == 0
            ? command
            : command with { GlobalArguments = [.. command.GlobalArguments, .. flags] });
    }

    private OciRuntimeContext ContextFor(string runtimeId)
    {
        var searchPaths = _options.RuntimePaths.TryGetValue(runtimeId, out var paths) ? paths : [];
        var stateRoot = Path.Combine(_options.RunRoot, "runtime", runtimeId);
        Directory.CreateDirectory(stateRoot);
        return new OciRuntimeContext(stateRoot, _options.CgroupManager, searchPaths, _options.HelperDirectory);
    }

    private async Task<ContainerLock> LockAsync(
        string id,
        CancellationToken cancellationToken,
        bool waitForConmon = true) =>
        new(
            await FileLock.AcquireAsync(_locks.Container(id), cancellationToken),
            waitForConmon ? _conmonExits : null);

    private Task EmitAsync(
        ContainerConfig config,
        string status,
        CancellationToken cancellationToken,
        int? exitCode = null)
    {
        var attributes = new Dictionary<string, string>
        {
            ["image"] = config.ImageName,
            ["name"] = config.Name,
        };
        foreach (var (key, value) in config.Labels)
        {
            attributes.TryAdd(key, value);
        }

        if (exitCode is { } code)
        {
            attributes["containerExitCode"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var engineEvent = new EngineEvent("container", status, config.Id, config.Name, DateTimeOffset.UtcNow, attributes);
        return _events.AppendAsync(engineEvent, cancellationToken);
    }

    private ContainerInfo ToInfo(ContainerRecord record) => new(
        record.Config.Id,
        record.Config.Name,
        record.Config.ImageId,
        record.Config.ImageName,
        record.Config.ProcessArgs,
        record.Config.Created,
        DisplayStatus(record.State.Status),
        record.State.ExitCode,
        record.State.Status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Stopping
            ? record.State.Pid
            : 0,
        record.State.StartedAt,
        record.State.FinishedAt,
        record.Config.AutoRemove,
        record.Config.Runtime,
        record.Config.Labels,
        record.Config.PortMappings,
        record.Config.ExposedPorts,
        record.Config.Networks.Keys.ToList(),
        record.Config.RestartPolicy,
        record.State.RestartCount,
        HealthStatusOf(record),
        record.Config.Pod ?? "",
        record.Config.PodName,
        record.Config.IsInfra);

    // The status word ps shows, only for a container with a check that is running now.
    private string HealthStatusOf(ContainerRecord record) =>
        record.Config.Healthcheck is { IsEnabled: true } && record.State.Status == ContainerStatus.Running
            ? HealthStoreFor(record.Config).Read()?.Status ?? Health.HealthState.Starting
            : "";

    // Podman's words: a container never initialized shows as created, and one that
    // init (or a start under way) gave its runtime state shows as initialized.
    private static string DisplayStatus(string status) => status switch
    {
        ContainerStatus.Configured => ContainerStatus.Created,
        ContainerStatus.Created => "initialized",
        _ => status,
    };
}
