using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary><c>update</c> changes a running container's cgroup and its stored config.</summary>
[Collection(Collections.Containers)]
public sealed class UpdateTests(ModpodFixture modpod)
{
    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Update_changes_memory_limit_in_bytes_and_pids_max(string runtime)
    {
        var name = $"limits-update-{runtime}";
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var run = await modpod.RunAsync("--runtime", runtime, "run", "-d", "--name", name,
                "--network", "none", "--memory", "64m", image, "sleep", "1000");
            ModpodAssert.Exit(0, run);

            var update = await modpod.RunAsync("update", "--memory", "128m", "--pids-limit", "60", "--cpus", "0.5", name);

            ModpodAssert.Exit(0, update);
            Assert.Equal(run.Output, update.Output);
            var probe = await CgroupProbe.OfAsync(modpod, name);
            Assert.Equal("134217728", probe.Read("memory", "memory.limit_in_bytes", "memory.max"));
            Assert.Equal("60", probe.Read("pids", "pids.max", "pids.max"));
            var host = await CgroupProbe.HostConfigAsync(modpod, name);
            Assert.Equal(134217728, (long)host["Memory"]!);
            Assert.Equal(60, (long)host["PidsLimit"]!);
            Assert.Equal(500000000, (long)host["NanoCpus"]!);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [Fact]
    public async Task Update_of_a_created_container_applies_at_start()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "limits-update-later", "--network", "none", image, "sleep", "1000");

            ModpodAssert.Exit(0, await modpod.RunAsync("update", "--memory", "48m", "limits-update-later"));
            ModpodAssert.Exit(0, await modpod.RunAsync("start", "limits-update-later"));

            var probe = await CgroupProbe.OfAsync(modpod, "limits-update-later");
            Assert.Equal("50331648", probe.Read("memory", "memory.limit_in_bytes", "memory.max"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "limits-update-later");
        }
    }

    [Fact]
    public async Task Update_with_a_bad_value_changes_nothing()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("create", "--name", "limits-update-bad", "--memory", "64m", image, "true");
        try
        {
            var result = await modpod.RunAsync("update", "--memory", "abc", "limits-update-bad");

            ModpodAssert.Exit(125, result);
            Assert.Equal("Error: invalid value for memory: invalid size: 'abc'", Assert.Single(result.ErrorLines));
            Assert.Equal(67108864, (long)(await CgroupProbe.HostConfigAsync(modpod, "limits-update-bad"))["Memory"]!);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "limits-update-bad");
        }
    }
}
