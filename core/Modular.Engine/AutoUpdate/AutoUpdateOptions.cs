namespace Modular.Engine.AutoUpdate;

/// <summary>The flags of <c>auto-update</c>.</summary>
/// <param name="AuthFile">--authfile; a container's io.containers.autoupdate.authfile label wins.</param>
/// <param name="TlsVerify">null: registries.conf decides.</param>
public sealed record AutoUpdateOptions(
    string? AuthFile = null,
    bool DryRun = false,
    bool Rollback = true,
    bool? TlsVerify = null);
