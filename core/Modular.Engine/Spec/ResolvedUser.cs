namespace Modular.Engine.Spec;

/// <summary>The process identity inside the container, resolved from the rootfs' files.</summary>
public sealed record ResolvedUser(uint Uid, uint Gid, string Home, IReadOnlyList<uint> AdditionalGids);
