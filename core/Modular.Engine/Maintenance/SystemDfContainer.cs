namespace Modular.Engine.Maintenance;

/// <summary>A container's share of the store: <paramref name="Status"/> is its state word.</summary>
public sealed record SystemDfContainer(
    string ContainerID,
    string Image,
    IReadOnlyList<string> Command,
    int LocalVolumes,
    long Size,
    long RWSize,
    DateTimeOffset Created,
    string Status,
    string Names);
