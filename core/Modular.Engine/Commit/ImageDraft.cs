using System.Text.Json.Nodes;

namespace Modular.Engine.Commit;

/// <summary>
/// A new image described against its parent: the parent's layers, one optional new layer,
/// the runtime config to write and the history entry that says how it was made.
/// </summary>
/// <param name="ParentImageId">The image below, or null for scratch.</param>
/// <param name="RuntimeConfig">The whole <c>config</c> object of the new image.</param>
/// <param name="Layer">The new layer, or null when only the config changes.</param>
/// <param name="Docker">Write a Docker schema2 manifest and config instead of OCI.</param>
/// <param name="Squash">
/// Layers to drop from the parent: with squash the new layer holds the whole filesystem,
/// so the image has only it (and no parent layers).
/// </param>
/// <param name="OmitHistory">Write an empty history (build's <c>--omit-history</c>).</param>
/// <param name="Annotations">
/// The OCI manifest's annotations (build's <c>--annotation</c>); a Docker manifest has none,
/// so they are dropped with <paramref name="Docker"/>, as Podman documents.
/// </param>
/// <param name="Comment">
/// The commit message (commit's <c>--message</c>): with <paramref name="Docker"/> it is also
/// the config's own <c>comment</c>, which image inspect reports for Docker images.
/// </param>
public sealed record ImageDraft(
    string? ParentImageId,
    JsonObject RuntimeConfig,
    CapturedLayer? Layer,
    HistoryEntry History,
    IReadOnlyList<string> Names,
    bool Docker,
    DateTimeOffset Created,
    bool Squash = false,
    bool OmitHistory = false,
    string? Author = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    string? Comment = null);
