using System.Formats.Tar;
using System.Text;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Copy;

/// <summary>cp in both directions, for stopped and running containers, and as tar streams.</summary>
[Collection(Collections.Containers)]
public sealed class CopyTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _host = Directory.CreateTempSubdirectory("modular-cp-").FullName;

    [Fact]
    public async Task Copy_out_of_a_stopped_container_follows_podmans_slash_and_dot_rules()
    {
        await CreateDataContainerAsync("cpout");

        var file = await modpod.RunAsync("cp", "cpout:/data/t", Host("t-copy"));
        var tree = await modpod.RunAsync("cp", "cpout:/data", Host("tree"));
        Directory.CreateDirectory(Host("into"));
        var into = await modpod.RunAsync("cp", "cpout:/data", Host("into"));
        Directory.CreateDirectory(Host("contents"));
        var contents = await modpod.RunAsync("cp", "cpout:/data/.", Host("contents"));
        var noParent = await modpod.RunAsync("cp", "cpout:/data/t", Host("absent/t"));
        var dirOnFile = await modpod.RunAsync("cp", "cpout:/data", Host("t-copy"));
        var missing = await modpod.RunAsync("cp", "cpout:/nope", Host("x"));

        ModpodAssert.Exit(0, file);
        Assert.Equal("top\n", File.ReadAllText(Host("t-copy")));
        ModpodAssert.Exit(0, tree);
        Assert.Equal("one\n", File.ReadAllText(Host("tree/sub/f")));
        ModpodAssert.Exit(0, into);
        Assert.Equal("one\n", File.ReadAllText(Host("into/data/sub/f")));
        ModpodAssert.Exit(0, contents);
        Assert.Equal("one\n", File.ReadAllText(Host("contents/sub/f")));
        ModpodAssert.Exit(125, noParent);
        Assert.Equal($"Error: \"{Host("absent/t")}\" could not be found on the host: no such file or directory",
            noParent.StandardError.Trim());
        ModpodAssert.Exit(125, dirOnFile);
        Assert.Equal("Error: destination must be a directory when copying a directory", dirOnFile.StandardError.Trim());
        ModpodAssert.Exit(125, missing);
        Assert.Equal("Error: \"/nope\" could not be found on container cpout: no such file or directory",
            missing.StandardError.Trim());
    }

    [Fact]
    public async Task Copy_into_a_running_container_is_seen_inside_and_owned_by_its_user()
    {
        var image = await modpod.EnsureBusyboxAsync();
        File.WriteAllText(Host("in.txt"), "hello\n");
        File.SetUnixFileMode(Host("in.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await modpod.RunAsync("run", "-d", "--name", "cpin", "--network", "none", "--user", "1234:5678", image, "sleep", "300");

        var chowned = await modpod.RunAsync("cp", Host("in.txt"), "cpin:/tmp/");
        var renamed = await modpod.RunAsync("cp", Host("in.txt"), "cpin:/tmp/renamed");
        var kept = await modpod.RunAsync("cp", "--archive=false", Host("in.txt"), "cpin:/tmp/kept");
        var missingDir = await modpod.RunAsync("cp", Host("in.txt"), "cpin:/nodir/");

        ModpodAssert.Exit(0, chowned);
        ModpodAssert.Exit(0, renamed);
        ModpodAssert.Exit(0, kept);
        var seen = await modpod.RunAsync(
            "exec", "cpin", "sh", "-c", "cat /tmp/in.txt /tmp/renamed; stat -c '%u:%g %a' /tmp/in.txt /tmp/kept");
        Assert.Equal(["hello", "hello", "1234:5678 600", "0:0 600"], seen.Lines);
        ModpodAssert.Exit(125, missingDir);
        Assert.Equal("Error: \"/nodir/\" could not be found on container cpin: no such file or directory",
            missingDir.StandardError.Trim());
    }

    [Fact]
    public async Task Copy_to_and_from_dash_streams_a_tar()
    {
        await CreateDataContainerAsync("cptar");
        var tar = BuildTar(("in/a.txt", "from-stdin\n"));

        var (stdout, bytes) = await modpod.RunToBytesAsync("cp", "cptar:/data", "-");
        var stdin = await modpod.RunWithInputAsync(tar, "cp", "-", "cptar:/data");
        var notTar = await modpod.RunWithInputAsync(Encoding.UTF8.GetBytes("not a tar\n"), "cp", "-", "cptar:/data");
        var onFile = await modpod.RunWithInputAsync(tar, "cp", "-", "cptar:/data/t");
        await modpod.RunAsync("cp", "cptar:/data/in/a.txt", Host("a.txt"));

        ModpodAssert.Exit(0, stdout);
        Assert.Equal(["data/", "data/sub/", "data/sub/f", "data/t"], (await TarListing.ListAsync(bytes)).Order());
        ModpodAssert.Exit(0, stdin);
        Assert.Equal("from-stdin\n", File.ReadAllText(Host("a.txt")));
        ModpodAssert.Exit(125, notTar);
        Assert.Equal("Error: source must be a (compressed) tar archive when copying from stdin",
            notTar.StandardError.Trim());
        ModpodAssert.Exit(125, onFile);
        Assert.Equal("Error: destination must be a directory when copying from stdin", onFile.StandardError.Trim());
    }

    [Fact]
    public async Task A_directory_replaces_a_file_only_with_overwrite()
    {
        await CreateDataContainerAsync("cpover");
        Directory.CreateDirectory(Host("src/data/t"));
        File.WriteAllText(Host("src/data/t/inner"), "inner\n");

        var refused = await modpod.RunAsync("cp", Host("src/data"), "cpover:/");
        var allowed = await modpod.RunAsync("cp", "--overwrite", Host("src/data"), "cpover:/");
        await modpod.RunAsync("cp", "cpover:/data/t/inner", Host("inner"));

        ModpodAssert.Exit(125, refused);
        Assert.Contains("file exists", refused.StandardError);
        ModpodAssert.Exit(0, allowed);
        Assert.Equal("inner\n", File.ReadAllText(Host("inner")));
    }

    [Fact]
    public async Task Copy_below_a_volume_or_bind_mount_uses_what_the_container_sees_there()
    {
        var image = await modpod.EnsureBusyboxAsync();
        Directory.CreateDirectory(Host("bound"));
        File.WriteAllText(Host("bound/from-host"), "bound\n");
        File.WriteAllText(Host("payload"), "payload\n");
        await modpod.RunAsync(
            "run", "-d", "--name", "cpvol", "--network", "none", "-v", "cp-test-vol:/data", "-v", Host("bound") + ":/bind",
            image, "sh", "-c", "echo vol > /data/v; touch /ready; sleep 300");
        for (var i = 0; i < 100 && (await modpod.RunAsync("exec", "cpvol", "test", "-e", "/ready")).ExitCode != 0; i++)
        {
            await Task.Delay(100); // Polls the container's own readiness marker.
        }

        var intoVolume = await modpod.RunAsync("cp", Host("payload"), "cpvol:/data/");
        var intoBind = await modpod.RunAsync("cp", Host("payload"), "cpvol:/bind/copied");
        var (outOfVolume, tar) = await modpod.RunToBytesAsync("cp", "cpvol:/data", "-");
        var seen = await modpod.RunAsync("exec", "cpvol", "cat", "/data/payload");

        ModpodAssert.Exit(0, intoVolume);
        Assert.Equal("payload", seen.Output);
        ModpodAssert.Exit(0, intoBind);
        Assert.Equal("payload\n", File.ReadAllText(Host("bound/copied")));
        ModpodAssert.Exit(0, outOfVolume);
        Assert.Equal(["data/", "data/payload", "data/v"], (await TarListing.ListAsync(tar)).Order());
        await modpod.RunAsync("rm", "-f", "-t", "0", "cpvol");
        await modpod.RunAsync("volume", "rm", "cp-test-vol");
    }

    public void Dispose()
    {
        foreach (var name in new[] { "cpout", "cpin", "cptar", "cpover", "cpvol" })
        {
            modpod.RunAsync("rm", "-f", "-t", "0", name).GetAwaiter().GetResult();
        }

        modpod.RunAsync("volume", "rm", "-f", "cp-test-vol").GetAwaiter().GetResult();
        Directory.Delete(_host, recursive: true);
    }

    private string Host(string relative) => Path.Combine(_host, relative);

    private async Task CreateDataContainerAsync(string name)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var run = await modpod.RunAsync(
            "run", "--name", name, "--network", "none", image,
            "sh", "-c", "mkdir -p /data/sub && echo one > /data/sub/f && echo top > /data/t");
        ModpodAssert.Exit(0, run);
    }

    internal static byte[] BuildTar(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
                });
            }
        }

        return buffer.ToArray();
    }
}
