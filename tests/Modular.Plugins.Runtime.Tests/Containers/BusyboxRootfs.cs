namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>An exploded root filesystem made from /bin/busybox in a temp directory.</summary>
public sealed class BusyboxRootfs : IDisposable
{
    private static readonly string[] Applets =
    [
        "sh", "echo", "cat", "sleep", "id", "hostname", "ls", "true", "false", "env", "grep",
        "touch", "kill", "ps",
    ];

    public BusyboxRootfs()
    {
        Root = Directory.CreateTempSubdirectory("modular-rootfs-").FullName;

        // Temp directories are 0700; a container user other than root must reach /bin.
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(Root, "bin"));
        Directory.CreateDirectory(Path.Combine(Root, "etc"));
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        File.Copy("/bin/busybox", Path.Combine(Root, "bin/busybox"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(Path.Combine(Root, "bin", applet), "busybox");
        }

        File.WriteAllText(Path.Combine(Root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        File.WriteAllText(Path.Combine(Root, "etc/group"), "root:x:0:\nnogroup:x:65534:\n");
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
