namespace Modular.Hooks;

/// <summary>One valid hooks.d file, converted to schema 1.0.0 whatever its version.</summary>
/// <param name="FilePath">The file it came from.</param>
/// <param name="Version">The schema version the file was written in: 1.0.0 or 0.1.0.</param>
/// <param name="Hook">The hook to inject.</param>
/// <param name="When">When it applies.</param>
/// <param name="Stages">The stages it is injected at.</param>
public sealed record HookDefinition(
    string FilePath,
    string Version,
    OciHook Hook,
    HookWhen When,
    IReadOnlyList<string> Stages)
{
    /// <summary>The file name, which orders hooks and masks same-named files.</summary>
    public string Name => System.IO.Path.GetFileName(FilePath);
}
