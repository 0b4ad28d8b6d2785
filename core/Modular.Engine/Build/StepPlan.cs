namespace Modular.Engine.Build;

/// <summary>
/// What one step will do, known before it runs: its history text, the digest of what it
/// reads (for the cache key), and how to produce its layer (null: the config alone changes).
/// </summary>
internal sealed record StepPlan(
    string CreatedBy,
    string ContentKey,
    Func<CancellationToken, Task<Commit.CapturedLayer?>>? Produce,
    IAsyncDisposable? Resources = null);
