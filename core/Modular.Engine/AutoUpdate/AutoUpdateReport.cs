namespace Modular.Engine.AutoUpdate;

/// <summary>
/// One container's outcome (Podman's AutoUpdateReport): Updated is "true", "false",
/// "pending" (--dry-run), "failed" or "rolled back".
/// </summary>
public sealed record AutoUpdateReport(
    string ContainerId,
    string ContainerName,
    string ImageName,
    string Policy,
    string SystemdUnit,
    string Updated);
