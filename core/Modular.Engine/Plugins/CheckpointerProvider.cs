using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;
using Modular.Contracts.Plugins;
using Modular.Engine.Configuration;

namespace Modular.Engine.Plugins;

/// <summary>
/// The checkpointer chosen by modular.conf <c>checkpointer</c>, loaded and probed once per
/// process, and only by the commands that checkpoint or restore.
/// </summary>
public sealed class CheckpointerProvider(PluginHost host, EngineOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ICheckpointer Checkpointer, CheckpointerProbe Probe)? _chosen;

    /// <summary>The checkpointer and what it reported about this host.</summary>
    /// <exception cref="InvalidInputException">No installed plugin offers the configured id.</exception>
    /// <exception cref="BackendException">The plugin failed to load.</exception>
    public async Task<(ICheckpointer Checkpointer, CheckpointerProbe Probe)> GetAsync(
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_chosen is null)
            {
                var checkpointer = host.Load<ICheckpointer>(PluginKind.Checkpointer, options.Checkpointer)
                    ?? throw Unknown(options.Checkpointer);
                var probe = await checkpointer.ProbeAsync(new CheckpointerContext([]), cancellationToken);
                _chosen = (checkpointer, probe);
            }

            return _chosen.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private InvalidInputException Unknown(string id)
    {
        var installed = host.Catalog.IdsOf(PluginKind.Checkpointer);
        return installed.Count == 0
            ? new InvalidInputException($"unknown checkpointer \"{id}\": no checkpointer plugins are installed")
            : new InvalidInputException(
                $"unknown checkpointer \"{id}\": installed checkpointers are {string.Join(", ", installed)}");
    }
}
