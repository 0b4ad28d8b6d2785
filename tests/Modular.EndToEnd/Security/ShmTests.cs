using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>
/// /dev/shm as Podman keeps it: a tmpfs on the host per container with its own IPC
/// namespace, bound again into containers that join it, detached when the container goes.
/// </summary>
[Collection(Collections.Containers)]
public sealed class ShmTests(ModpodFixture modpod)
{
    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task A_container_joining_ipc_sees_the_others_shm_files(string runtime)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"shm-owner-{runtime}";
        var id = await StartSleeperAsync(runtime, name, image);
        try
        {
            var joined = await modpod.RunAsync("--runtime", runtime, "run", "--rm", "--network", "none",
                "--ipc", $"container:{name}", image, "sh", "-c", "echo shared > /dev/shm/note");
            var seen = await modpod.RunAsync("exec", name, "cat", "/dev/shm/note");

            ModpodAssert.Exit(0, joined);
            ModpodAssert.Exit(0, seen);
            Assert.Equal("shared", seen.Output);
            Assert.Single(ShmMounts(), mount => mount.Contains(id, StringComparison.Ordinal));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", name);
        }

        Assert.DoesNotContain(ShmMounts(), mount => mount.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], "64000")]
    [InlineData(new[] { "--shm-size", "128m" }, "131072")]
    public async Task Shm_has_podmans_default_size_or_the_one_asked(string[] flags, string kilobytes)
    {
        var image = await modpod.EnsureBusyboxAsync();

        // Podman's default shm_size "65536k" is read as decimal: 65536000 bytes, 64000 KiB.
        var result = await modpod.RunAsync(["run", "--rm", "--network", "none", .. flags, image,
            "sh", "-c", "df -k /dev/shm | tail -n 1"]);

        ModpodAssert.Exit(0, result);
        Assert.Equal(kilobytes, result.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [Fact]
    public async Task Ipc_host_binds_the_hosts_shm_and_none_has_none()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var marker = Path.Combine("/dev/shm", $"modular-shm-test-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(marker, "host");
        try
        {
            var host = await modpod.RunAsync("run", "--rm", "--network", "none", "--ipc", "host", image,
                "cat", marker);
            var none = await modpod.RunAsync("run", "--rm", "--network", "none", "--ipc", "none", image,
                "sh", "-c", "test -e /dev/shm && echo present || echo absent");

            Assert.Equal("host", host.Output);
            Assert.Equal("absent", none.Output);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Pod_members_share_the_infras_shm()
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("pod", "create", "--name", "shm-pod"));
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--pod", "shm-pod", "--name", "shm-member",
                image, "sh", "-c", "echo pod > /dev/shm/note; sleep 300"));
            var seen = await WaitForAsync(() => modpod.RunAsync("run", "--rm", "--pod", "shm-pod", image,
                "cat", "/dev/shm/note"));

            Assert.Equal("pod", seen.Output);
        }
        finally
        {
            await modpod.RunAsync("pod", "rm", "-f", "-t", "0", "shm-pod");
        }

        Assert.DoesNotContain(ShmMounts(), mount => mount.StartsWith(modpod.GraphRoot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Joining_a_private_ipc_namespace_is_refused_as_podman_does()
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(modpod.Directory, "shm-rootfs")).FullName;
        var donor = await modpod.RunAsync("create", "--name", "shm-private", "--ipc", "private",
            "--rootfs", rootfs, "true");
        try
        {
            var joiner = await modpod.RunAsync("create", "--ipc", "container:shm-private",
                "--rootfs", rootfs, "true");

            ModpodAssert.Exit(125, joiner);
            Assert.Equal(
                $"Error: joining IPC of container {donor.Output} is not allowed: non-shareable IPC "
                + "(hint: use IpcMode:shareable for the donor container)",
                Assert.Single(joiner.ErrorLines));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "shm-private");
        }
    }

    private async Task<string> StartSleeperAsync(string runtime, string name, string image)
    {
        var result = await modpod.RunAsync("--runtime", runtime, "run", "-d", "--name", name,
            "--network", "none", image, "sleep", "300");
        ModpodAssert.Exit(0, result);
        return result.Output;
    }

    private static async Task<ModpodResult> WaitForAsync(Func<Task<ModpodResult>> attempt)
    {
        for (var tries = 0; ; tries++)
        {
            var result = await attempt();
            if (result.ExitCode == 0 || tries == 20)
            {
                return result;
            }

            await Task.Delay(250);
        }
    }

    // Mount points (field 5 of mountinfo) of the engine's shm directories.
    private static List<string> ShmMounts() =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point.EndsWith("/shm", StringComparison.Ordinal) && point.Contains("/containers/"))
            .ToList();
}
