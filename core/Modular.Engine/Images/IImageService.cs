using System.Text.Json.Nodes;

namespace Modular.Engine.Images;

/// <summary>
/// Images in the local store: pull, load, list, inspect, tag, remove. Every method that
/// changes the store leaves it exactly as before when it fails. Names are resolved as
/// Podman does: full reference, short name with <c>localhost/</c>, id or unique id prefix.
/// </summary>
public interface IImageService
{
    /// <summary>Pulls a reference from a registry, verifying every blob's size and digest.</summary>
    Task<LocalImage> PullAsync(string reference, PullOptions options, CancellationToken cancellationToken);

    /// <summary>Loads a docker-archive or oci-archive; returns the names (or ids) loaded.</summary>
    Task<IReadOnlyList<string>> LoadAsync(string archivePath, CancellationToken cancellationToken);

    /// <summary>Finds a local image by name, id or id prefix.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such image.</exception>
    Task<LocalImage> ResolveAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>All images; with <paramref name="all"/>, intermediate ones too.</summary>
    Task<IReadOnlyList<LocalImage>> ListAsync(bool all, CancellationToken cancellationToken);

    /// <summary>Podman's <c>image inspect</c> JSON object for one image.</summary>
    Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Podman's <c>images --format json</c> object for one image.</summary>
    JsonObject Summarize(LocalImage image);

    /// <summary>Adds a name; a short name gets <c>localhost/</c> and a missing tag <c>:latest</c>.</summary>
    Task TagAsync(string nameOrId, string newName, CancellationToken cancellationToken);

    /// <summary>
    /// Removes names (every name when <paramref name="names"/> is empty) and keeps the
    /// image; a name the image does not hold is refused. Added for <c>untag</c> (Issue #9);
    /// the default refuses, for services that do not manage names.
    /// </summary>
    Task UntagAsync(string nameOrId, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        throw new NotSupportedException("untag is not supported by this image service");

    /// <summary>
    /// Removes names or images. Without <paramref name="force"/>, an image used by a
    /// container is refused with <see cref="Contracts.Errors.WrongStateException"/> (exit 2).
    /// Returns the lines <c>rmi</c> prints: "Untagged: NAME" and "Deleted: ID".
    /// </summary>
    Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="RemoveAsync(string, bool, CancellationToken)"/>, which prunes as rmi
    /// does by default: a removed image's parents left dangling (no name, no other child)
    /// go too, unless <paramref name="noPrune"/> (rmi --no-prune, DELETE ?noprune=true).
    /// Added for Issue #10; the default ignores noPrune, for services that never prune.
    /// </summary>
    Task<IReadOnlyList<string>> RemoveAsync(
        string nameOrId,
        bool force,
        bool noPrune,
        CancellationToken cancellationToken) =>
        RemoveAsync(nameOrId, force, cancellationToken);
}

/// <summary>Options of <c>pull</c> and of the implicit pull of <c>run</c>/<c>create</c>.</summary>
/// <param name="TlsVerify">null: registries.conf decides; false: plain HTTP or unverified TLS allowed.</param>
/// <param name="Platform">os/arch[/variant], or null for the host's.</param>
/// <param name="Quiet">Write no progress to <paramref name="Progress"/>.</param>
/// <param name="Progress">Where progress lines go (stderr in the CLI), or null.</param>
/// <param name="SignaturePolicy">policy.json to use (<c>--signature-policy</c>), or null for the default.</param>
/// <param name="Copy">Progress reporter drawing per-blob bars (a terminal), or null for plain lines.</param>
/// <param name="CertDirectory"><c>--cert-dir</c>: client certificates and CAs for the registry (Issue #9).</param>
public sealed record PullOptions(
    bool? TlsVerify = null,
    string? Platform = null,
    bool Quiet = false,
    TextWriter? Progress = null,
    string? AuthFile = null,
    string? Credentials = null,
    string? SignaturePolicy = null,
    Registry.CopyProgress? Copy = null,
    string? CertDirectory = null);

/// <summary>An image in the local store, with the parts of its config containers need.</summary>
public sealed record LocalImage(
    string Id,
    IReadOnlyList<string> Names,
    string Digest,
    IReadOnlyList<string> RepoDigests,
    DateTimeOffset Created,
    long Size,
    string TopLayerId,
    IReadOnlyList<string> DiffIds,
    ImageConfig Config,
    string Os,
    string Architecture,
    string ManifestMediaType)
{
    /// <summary>Every name the image has had, newest first (Podman's NamesHistory).</summary>
    public IReadOnlyList<string> NamesHistory { get; init; } = [];

    /// <summary>
    /// True for an image of an additional (read-only) image store: listed and runnable,
    /// never changed by this store's commands. Added for Issue #9.
    /// </summary>
    public bool ReadOnly { get; init; }
}

/// <summary>The runtime part of an OCI image config (<c>config</c> in the JSON).</summary>
/// <param name="Volumes">The VOLUME paths (keys of <c>config.Volumes</c>); null when none.</param>
public sealed record ImageConfig(
    string? User,
    IReadOnlyList<string> Env,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Cmd,
    string? WorkingDir,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> ExposedPorts,
    string? StopSignal,
    IReadOnlyList<string>? Volumes = null,
    Health.HealthConfig? Healthcheck = null);
