using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>A layer blob ready to send, written by the exporter under the push's temp directory.</summary>
/// <param name="Sources">"registry/repository" names known to hold the kept blob, for mounts.</param>
internal sealed record PushedLayer(Descriptor Descriptor, string Path, IReadOnlyList<string> Sources);
