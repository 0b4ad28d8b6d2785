namespace Modular.Engine.Secrets;

/// <summary>A secret's metadata (never its data), as stored in secrets.json.</summary>
public sealed record SecretRecord(
    string Id,
    string Name,
    string Driver,
    IReadOnlyDictionary<string, string> DriverOptions,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
