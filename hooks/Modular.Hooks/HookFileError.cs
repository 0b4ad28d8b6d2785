namespace Modular.Hooks;

/// <summary>A hooks.d file that could not be used, with Podman's wording of why.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Message">The error.</param>
/// <param name="Fatal">
/// True when Podman refuses to create containers because of it; false for a file it
/// passes over (a hook whose program does not exist).
/// </param>
public sealed record HookFileError(string FilePath, string Message, bool Fatal);
