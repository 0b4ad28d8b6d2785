namespace Modular.Engine.Secrets;

/// <summary><c>secret create</c>: the data and the flags.</summary>
/// <param name="Driver">Empty for the default, <c>file</c>.</param>
public sealed record SecretCreateRequest(
    string Name,
    byte[] Data,
    string? Driver = null,
    IReadOnlyDictionary<string, string>? DriverOptions = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    bool Replace = false,
    bool Ignore = false);
