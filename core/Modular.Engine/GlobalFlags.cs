namespace Modular.Engine;

/// <summary>Podman's global flags as typed; null when not given.</summary>
public sealed record GlobalFlags(
    string? Root = null,
    string? RunRoot = null,
    string? StorageDriver = null,
    string? Runtime = null,
    string? CgroupManager = null,
    string? LogLevel = null,
    IReadOnlyList<string>? StorageOptions = null,
    IReadOnlyList<string>? HooksDirectories = null,
    IReadOnlyList<string>? RuntimeFlags = null,
    string? DefaultMountsFile = null,
    bool Syslog = false);
