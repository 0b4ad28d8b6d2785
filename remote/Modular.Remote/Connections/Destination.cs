namespace Modular.Remote.Connections;

/// <summary>
/// Where a connection leads, with the JSON keys of Podman's podman-connections.json
/// (containers/common's Destination): URI always, the rest only when set.
/// </summary>
public sealed record Destination(
    string URI,
    string? Identity = null,
    string? TLSCert = null,
    string? TLSKey = null,
    string? TLSCA = null,
    bool IsMachine = false);
