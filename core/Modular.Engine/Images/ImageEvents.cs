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

    public async Task AppendAsync(
        string status,
        string imageId,
        string name,
        CancellationToken cancellationToken)
    {
        if (log is null)
        {
            return;
        }

        var engineEvent = new EngineEvent("image", status, imageId, name, DateTimeOffset.UtcNow, NoAttributes);
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
