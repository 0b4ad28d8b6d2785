namespace Modular.Remote.Connections;

/// <summary>
/// One row of <c>system connection ls</c>. ReadWrite is true for connections kept in
/// podman-connections.json, false for those from containers.conf, which modpod never edits.
/// </summary>
public sealed record Connection(string Name, Destination Destination, bool Default, bool ReadWrite);
