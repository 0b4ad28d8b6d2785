using CliWrap;
using CliWrap.Buffered;

namespace Modular.TestImages;

/// <summary>
/// The entries of a minimal root file system built from the host's busybox-static:
/// the binary, a symlink per applet, passwd/group with root and nobody, and the usual
/// directories. /var/run is an absolute symlink to /run, as in most distributions.
/// </summary>
public static class BusyboxRootfs
{
    public const string BusyboxPath = "/bin/busybox";

    private const UnixFileMode Rwxr_xr_x = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Rwx______ = (UnixFileMode)0b111_000_000;
    private const UnixFileMode StickyTmp = (UnixFileMode)0b1_111_111_111;

    private const string Passwd =
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";

    private const string Group = "root:x:0:\nnobody:x:65534:\n";

    public static async Task<IReadOnlyList<LayerEntry>> EntriesAsync(
        CancellationToken cancellationToken = default)
    {
        var applets = await AppletPathsAsync(cancellationToken);
        var binary = await File.ReadAllBytesAsync(BusyboxPath, cancellationToken);

        var entries = new List<LayerEntry>();
        foreach (var dir in new[] { "bin/", "sbin/", "usr/", "usr/bin/", "usr/sbin/", "etc/",
                     "var/", "run/", "proc/", "sys/", "dev/", "home/" })
        {
            entries.Add(LayerEntry.Dir(dir));
        }

        entries.Add(LayerEntry.Dir("root/", Rwx______));
        entries.Add(LayerEntry.Dir("tmp/", StickyTmp));
        entries.Add(LayerEntry.Symlink("var/run", "/run"));
        entries.Add(LayerEntry.File("etc/passwd", Passwd));
        entries.Add(LayerEntry.File("etc/group", Group));
        entries.Add(LayerEntry.File("bin/busybox", binary, Rwxr_xr_x));
        entries.AddRange(applets
            .Where(a => a != "bin/busybox")
            .Select(a => LayerEntry.Symlink(a, BusyboxPath)));
        return entries;
    }

    private static async Task<IReadOnlyList<string>> AppletPathsAsync(CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(BusyboxPath)
            .WithArguments("--list-full")
            .ExecuteBufferedAsync(cancellationToken);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
