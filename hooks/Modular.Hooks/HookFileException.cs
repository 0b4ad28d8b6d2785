namespace Modular.Hooks;

/// <summary>A hooks.d file is unreadable or invalid; the message is Podman's text for it.</summary>
public sealed class HookFileException(string message, bool missingProgram = false)
    : Exception(message)
{
    /// <summary>The file is valid but names a program that does not exist.</summary>
    public bool MissingProgram { get; } = missingProgram;
}
