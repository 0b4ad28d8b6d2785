namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>One busybox rootfs shared by a test class, removed after it.</summary>
public sealed class RootfsFixture : IDisposable
{
    public BusyboxRootfs Rootfs { get; } = new();

    public void Dispose() => Rootfs.Dispose();
}
