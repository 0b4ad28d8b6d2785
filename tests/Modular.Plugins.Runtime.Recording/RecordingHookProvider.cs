using Modular.Contracts.Hooks;

namespace Modular.Plugins.Runtime.Recording;

/// <summary>
/// Appends "TYPE STATUS ID" for each event to <c>hook.log</c> beside its own assembly, so a
/// test that installed it in a temporary folder reads what the engine told it.
/// </summary>
public sealed class RecordingHookProvider : IHookProvider
{
    public const string ProviderId = "recording";

    private readonly string _logPath = Path.Combine(
        Path.GetDirectoryName(typeof(RecordingHookProvider).Assembly.Location)!,
        "hook.log");

    public string Id => ProviderId;

    public Task OnEventAsync(EngineEvent engineEvent, CancellationToken cancellationToken) =>
        File.AppendAllTextAsync(
            _logPath,
            $"{engineEvent.Type} {engineEvent.Status} {engineEvent.Id}\n",
            cancellationToken);
}
