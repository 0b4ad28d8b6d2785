namespace Modular.Hooks;

/// <summary>A hooks.d file hidden by a same-named file in a later directory.</summary>
public sealed record MaskedHookFile(string FilePath, string MaskedBy);
