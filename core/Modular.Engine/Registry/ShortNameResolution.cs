using Modular.Engine.Images;

namespace Modular.Engine.Registry;

/// <summary>The references a name may be pulled as, in order, and how they were found.</summary>
/// <param name="Description">Podman's line for the user ("Resolved ... as an alias (...)"), or null.</param>
public sealed record ShortNameResolution(IReadOnlyList<ImageReference> Candidates, string? Description);
