using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>A layer blob ready to send: the kept blob itself or a recompressed copy.</summary>
/// <param name="Reused">True when the bytes are the kept blob, unchanged.</param>
internal sealed record PushedLayer(Descriptor Descriptor, string Path, bool Reused, IReadOnlyList<string> Sources);
