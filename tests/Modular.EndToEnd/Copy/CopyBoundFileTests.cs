using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>
/// cp and what a running container really sees: the engine's files bound over /etc, and
/// symlinks whose target is missing.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CopyBoundFileTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _host = Directory.CreateTempSubdirectory("modular-cpbound-").FullName;

    [Fact]
    public async Task Copy_out_of_a_running_container_reads_the_bound_hosts_and_hostname()
    {
        await RunAsync("cpb-read", "--hostname", "cpbhost");

        var hosts = await modpod.RunAsync("cp", "cpb-read:/etc/hosts", Host("hosts"));
        var hostname = await modpod.RunAsync("cp", "cpb-read:/etc/hostname", Host("hostname"));
        var inside = await modpod.RunAsync("exec", "cpb-read", "cat", "/etc/hosts");

        ModpodAssert.Exit(0, hosts);
        ModpodAssert.Exit(0, hostname);
        Assert.Equal("cpbhost\n", File.ReadAllText(Host("hostname")));
        Assert.NotEqual("", File.ReadAllText(Host("hosts")));
        Assert.Equal(inside.StandardOutput, File.ReadAllText(Host("hosts")));
    }

    [Fact]
    public async Task Copy_onto_a_bound_file_of_a_running_container_fails_and_keeps_the_mount()
    {
        await RunAsync("cpb-write");
        File.WriteAllText(Host("h.txt"), "1.2.3.4 evil\n");
        var before = await modpod.RunAsync("exec", "cpb-write", "cat", "/etc/hosts");

        var onto = await modpod.RunAsync("cp", Host("h.txt"), "cpb-write:/etc/hosts");
        var after = await modpod.RunAsync("exec", "cpb-write", "cat", "/etc/hosts");
        var mounted = await modpod.RunAsync("exec", "cpb-write", "grep", " /etc/hosts ", "/proc/self/mountinfo");

        ModpodAssert.Exit(125, onto);
        Assert.Equal("Error: unlinkat /etc/hosts: device or resource busy", onto.StandardError.Trim());
        Assert.Equal(before.StandardOutput, after.StandardOutput);
        ModpodAssert.Exit(0, mounted);
    }

    [Fact]
    public async Task A_tar_or_directory_reaching_a_bound_file_fails_and_keeps_the_mount()
    {
        await RunAsync("cpb-tar");
        var before = await modpod.RunAsync("exec", "cpb-tar", "cat", "/etc/resolv.conf");
        Directory.CreateDirectory(Host("tree/etc"));
        File.WriteAllText(Host("tree/etc/resolv.conf"), "nameserver 6.6.6.6\n");

        var tar = await modpod.RunWithInputAsync(
            CopyTests.BuildTar(("etc/resolv.conf", "nameserver 6.6.6.6\n")), "cp", "-", "cpb-tar:/");
        var tree = await modpod.RunAsync("cp", Host("tree") + "/.", "cpb-tar:/");
        var after = await modpod.RunAsync("exec", "cpb-tar", "cat", "/etc/resolv.conf");

        ModpodAssert.Exit(125, tar);
        Assert.Contains("unlinkat /etc/resolv.conf: device or resource busy", tar.StandardError, StringComparison.Ordinal);
        ModpodAssert.Exit(125, tree);
        Assert.Contains("unlinkat /etc/resolv.conf: device or resource busy", tree.StandardError, StringComparison.Ordinal);
        Assert.Equal(before.StandardOutput, after.StandardOutput);
    }

    [Fact]
    public async Task Copy_onto_a_dangling_symlink_fails_and_keeps_the_link()
    {
        await RunAsync("cpb-link");
        ModpodAssert.Exit(0, await modpod.RunAsync("exec", "cpb-link", "ln", "-s", "/nowhere/target", "/evilf"));
        File.WriteAllText(Host("pw.txt"), "pw\n");

        var onto = await modpod.RunAsync("cp", Host("pw.txt"), "cpb-link:/evilf");
        var link = await modpod.RunAsync("exec", "cpb-link", "readlink", "/evilf");

        ModpodAssert.Exit(125, onto);
        Assert.Equal(
            "Error: \"/evilf\" could not be found on container cpb-link: no such file or directory",
            onto.StandardError.Trim());
        Assert.Equal("/nowhere/target", link.Output);
    }

    public void Dispose()
    {
        foreach (var name in new[] { "cpb-read", "cpb-write", "cpb-link", "cpb-tar" })
        {
            modpod.RunAsync("rm", "-f", "-t", "0", name).GetAwaiter().GetResult();
        }

        Directory.Delete(_host, recursive: true);
    }

    private async Task RunAsync(string name, params string[] flags)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var run = await modpod.RunAsync(
            ["run", "-d", "--name", name, "--network", "none", .. flags, image, "sleep", "300"]);
        ModpodAssert.Exit(0, run);
    }

    private string Host(string name) => Path.Combine(_host, name);
}
