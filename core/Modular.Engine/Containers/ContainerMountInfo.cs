namespace Modular.Engine.Containers;

/// <summary>A container whose root filesystem is mounted, and where.</summary>
public sealed record ContainerMountInfo(string Id, string Name, string MountPoint);
