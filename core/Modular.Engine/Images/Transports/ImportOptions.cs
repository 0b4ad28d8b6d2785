namespace Modular.Engine.Images.Transports;

/// <summary>Options of reading images from a transport into the store (<c>load</c>, <c>pull</c>).</summary>
/// <param name="Quiet">Write no progress.</param>
/// <param name="Progress">Where progress lines go (stderr in the CLI), or null.</param>
/// <param name="Platform">os/arch[/variant] to pick from an index, or null for the host's.</param>
public sealed record ImportOptions(
    bool Quiet = false,
    TextWriter? Progress = null,
    string? Platform = null);
