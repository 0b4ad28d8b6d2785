namespace Modular.Contracts.Hooks;

/// <summary>
/// Sees every state change of the engine, from the one place that also appends it to the
/// events log. A provider must return quickly and must not throw for events it ignores;
/// a failure is logged as a warning and does not undo the change.
/// </summary>
public interface IHookProvider
{
    /// <summary>The short id, as listed in modular.conf <c>hook_plugins</c>.</summary>
    string Id { get; }

    /// <summary>Called after the change is recorded.</summary>
    Task OnEventAsync(EngineEvent engineEvent, CancellationToken cancellationToken);
}

/// <summary>An engine event in the shape of Podman's event JSON keys.</summary>
/// <param name="Type">container, image, pod, volume, network, system.</param>
/// <param name="Status">create, init, start, died, remove, pull, tag, untag ...</param>
/// <param name="Id">The object's full id.</param>
/// <param name="Name">Its name or image reference.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Attributes">Extra keys (image, exit code ...).</param>
public sealed record EngineEvent(
    string Type,
    string Status,
    string Id,
    string Name,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Attributes);
