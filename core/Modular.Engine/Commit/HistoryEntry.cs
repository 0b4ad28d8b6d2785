namespace Modular.Engine.Commit;

/// <summary>One <c>history</c> entry of an image config, as buildah writes it.</summary>
/// <param name="EmptyLayer">True for a step that changed only the config.</param>
public sealed record HistoryEntry(
    string CreatedBy,
    string? Comment = null,
    string? Author = null,
    bool EmptyLayer = false);
