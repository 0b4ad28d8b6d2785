using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>One place to fetch an image from: a mirror or the registry's own location.</summary>
public sealed record PullSource(ImageReference Reference, bool Insecure, bool IsMirror);
