using CliWrap;
using CliWrap.Buffered;

namespace Modular.Plugins.Storage.Tests;

/// <summary>
/// A real layer made by GNU tar from /bin/busybox (Debian's busybox-static), with a long
/// name, a hard-linked pair, a fifo and a character device, as image builders emit them.
/// </summary>
public static class BusyboxLayer
{
    public static readonly string LongName =
        "usr/share/" + new string('l', 120) + "/" + new string('m', 90);

    /// <summary>Builds the tree under <paramref name="work"/> and returns the gzip tar's path.</summary>
    public static async Task<string> CreateAsync(string work, string format)
    {
        var tree = Path.Combine(work, "tree-" + format);
        Directory.CreateDirectory(Path.Combine(tree, "bin"));
        Directory.CreateDirectory(Path.Combine(tree, "dev"));
        Directory.CreateDirectory(Path.Combine(tree, "tmp"));
        Directory.CreateDirectory(Path.Combine(tree, Path.GetDirectoryName(LongName)!));
        File.Copy("/bin/busybox", Path.Combine(tree, "bin/busybox"));
        File.CreateSymbolicLink(Path.Combine(tree, "bin/sh"), "busybox");
        await File.WriteAllTextAsync(Path.Combine(tree, LongName), "long");
        await File.WriteAllTextAsync(Path.Combine(tree, "bin/one"), "pair");

        await RunAsync("ln", [Path.Combine(tree, "bin/one"), Path.Combine(tree, "bin/two")]);
        await RunAsync("mkfifo", [Path.Combine(tree, "tmp/fifo")]);
        await RunAsync("mknod", [Path.Combine(tree, "dev/null"), "c", "1", "3"]);
        var layer = Path.Combine(work, $"busybox-{format}.tar.gz");
        await RunAsync("tar", [$"--format={format}", "-C", tree, "-czf", layer, "."]);
        return layer;
    }

    /// <summary>Runs a command chrooted in a mounted view; chroot is a child process.</summary>
    public static async Task<string> ChrootAsync(string root, params string[] command)
    {
        var result = await RunAsync("chroot", [root, .. command]);
        return result.StandardOutput;
    }

    private static Task<BufferedCommandResult> RunAsync(string program, string[] arguments) =>
        Cli.Wrap(program).WithArguments(arguments).ExecuteBufferedAsync().Task;
}
