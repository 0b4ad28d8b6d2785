using System.Runtime.Versioning;

// The drivers under test are Linux-only (overlayfs, mknod, mount(2)).
[assembly: SupportedOSPlatform("linux")]
