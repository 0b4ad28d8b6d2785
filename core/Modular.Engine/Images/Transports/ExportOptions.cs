namespace Modular.Engine.Images.Transports;

/// <summary>Options of writing stored images to a transport (<c>save</c>, <c>push</c> to a non-registry).</summary>
/// <param name="Format">The manifest type; <see cref="ManifestFormat.Default"/> lets the transport choose.</param>
/// <param name="Compression">
/// Layer compression. <see cref="LayerCompression.Preserve"/> keeps the store's blobs; Podman's
/// <c>--compress</c> alone means gzip for <c>dir:</c>.
/// </param>
/// <param name="AdditionalNames">Further names to record (docker-archive RepoTags, oci ref names).</param>
/// <param name="Quiet">Write no progress.</param>
/// <param name="Progress">Where progress lines go (stderr in the CLI), or null.</param>
/// <param name="RemoveSignatures">Accepted for Podman's <c>--remove-signatures</c>; we store none.</param>
public sealed record ExportOptions(
    ManifestFormat Format = ManifestFormat.Default,
    LayerCompression Compression = LayerCompression.Preserve,
    IReadOnlyList<string>? AdditionalNames = null,
    bool Quiet = false,
    TextWriter? Progress = null,
    bool RemoveSignatures = false);
