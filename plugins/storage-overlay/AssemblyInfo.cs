using System.Runtime.Versioning;

// Both drivers are Linux-only: overlayfs, mknod, xattrs and mount(2).
[assembly: SupportedOSPlatform("linux")]
