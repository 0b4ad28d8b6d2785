namespace Modular.Engine.Images.Transports;

/// <summary>Options of <c>import</c>: a tarball becomes a one-layer image.</summary>
/// <param name="Changes"><c>--change</c> instructions (see <see cref="ConfigChanges"/>).</param>
/// <param name="Message"><c>-m</c>: the comment of the layer's history entry.</param>
/// <param name="Reference">The name to give the image, or null for none.</param>
/// <param name="Annotations">Manifest annotations (a checkpoint image's), or null for none.</param>
public sealed record TarballImportOptions(
    IReadOnlyList<string> Changes,
    string? Message = null,
    string? Os = null,
    string? Architecture = null,
    string? Variant = null,
    string? Reference = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
