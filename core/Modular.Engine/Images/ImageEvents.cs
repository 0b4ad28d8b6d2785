using Microsoft.Extensions.Logging;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;

namespace Modular.Engine.Images;

/// <summary>
/// Records image events (pull, tag, untag, remove, loadfromarchive) as Podman does. The
/// event log is optional so the image services work without it; a failure to record is
/// logged, never thrown, because the change it describes has already happened.
/// </summary>
public sealed class ImageEvents(ILogger<ImageEvents> logger, IEventLog? log = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new Dictionary<string, string>();

    public Task AppendAsync(
        string status,
        string imageId,
        string name,
        CancellationToken cancellationToken) =>
        AppendAsync(status, imageId, name, NoAttributes, cancellationToken);

    /// <summary>A pull that failed: Podman's pull-error event, the reference as given and the reason.</summary>
    public Task PullErrorAsync(string reference, string error, CancellationToken cancellationToken) =>
        AppendAsync("pull-error", "", reference, new Dictionary<string, string> { ["error"] = error },
            cancellationToken);

    private async Task AppendAsync(
        string status,
        string imageId,
        string name,
        IReadOnlyDictionary<string, string> attributes,
        CancellationToken cancellationToken)
    {
        if (log is null)
        {
            return;
        }

        var engineEvent = new EngineEvent("image", status, imageId, name, DateTimeOffset.UtcNow, attributes);
        try
        {
            await log.AppendAsync(engineEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Recording image event {Status} for {Name} failed: {Reason}", status, name, e.Message);
        }
    }
}
