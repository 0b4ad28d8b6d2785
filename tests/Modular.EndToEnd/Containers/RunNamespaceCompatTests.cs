using System.Diagnostics;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// Namespaces, mounts and conmon as Podman's system tests (030-run) see them: a read-only
/// cgroupfs, --uidmap, a conmon lost while stopping, and what conmon inherits.
/// </summary>
[Collection(Collections.Containers)]
public sealed class RunNamespaceCompatTests(ModpodFixture modpod)
{
    [Theory]
    [InlineData("host")]
    [InlineData("private")]
    public async Task The_cgroup_filesystem_is_mounted_read_only(string cgroupns)
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "--cgroupns", cgroupns, image,
            "sh", "-c", "grep ' / /sys/fs/cgroup ' /proc/self/mountinfo | tail -n 1");

        ModpodAssert.Exit(0, run);
        Assert.Contains("/sys/fs/cgroup ro", run.Output);
    }

    [Fact]
    public async Task Uidmap_runs_the_container_in_a_user_namespace_of_its_own()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var host = $"h{Guid.NewGuid():N}"[..20];

        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "--uidmap", "0:100:10000", "--hostname", host, image,
            "sh", "-c", "cat /proc/self/uid_map; grep -c /sys/kernel /proc/self/mounts; grep " + host + " /etc/hosts");

        ModpodAssert.Exit(0, run);
        Assert.Equal(["0 100 10000", "0"], run.Lines.Take(2).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.Contains(host, run.Lines[2]);
    }

    [Fact]
    public async Task A_bad_uidmap_is_refused_naming_the_value()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "--uidmap", "0:100", image, "true");

        ModpodAssert.Exit(125, run);
        Assert.Equal(
            "Error: invalid --uidmap mapping \"0:100\": expected CONTAINER:HOST:SIZE",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Stop_after_conmon_died_while_stopping_exits_125_and_leaves_the_container_exited()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"lost-{Guid.NewGuid().ToString("N")[..8]}";
        var cid = (await modpod.RunAsync(
            "run", "-d", "--name", name, "--network", "none", "--stop-timeout", "240", image, "sh", "-c", "sleep 999")).Output;
        try
        {
            var conmon = int.Parse((await modpod.RunAsync("inspect", "--format", "{{.State.ConmonPid}}", name)).Output);
            var (stopPid, stopping) = modpod.Start("stop", name);
            await WaitForStatusAsync(name, "stopping");
            Process.GetProcessById(stopPid).Kill();
            Process.GetProcessById(conmon).Kill();
            await stopping;

            var stop = await modpod.RunAsync("stop", "-t0", name);
            var status = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", name);

            ModpodAssert.Exit(125, stop);
            Assert.Equal(
                $"Error: container {cid} conmon exited prematurely, exit code could not be retrieved: conmon process killed",
                Assert.Single(stop.ErrorLines));
            Assert.Equal("exited", status.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", name);
        }
    }

    [Fact]
    public async Task Conmon_gets_our_environment_without_the_session_bus_and_passes_syslog_on()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var environment = new Dictionary<string, string?>
        {
            ["MODULAR_E2E_MARKER"] = "passed-down",
            ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus",
        };
        var run = await modpod.RunAsync(
            ["run", "-d", "-q", "--syslog", "--network", "none", image, "sleep", "inf"], environment);
        var cid = run.Output;
        try
        {
            var conmon = (await modpod.RunAsync("inspect", "--format", "{{.State.ConmonPid}}", cid)).Output;
            var cmdline = await File.ReadAllTextAsync($"/proc/{conmon}/cmdline");
            var environ = await File.ReadAllTextAsync($"/proc/{conmon}/environ");

            Assert.Contains("--exit-command-arg\0--syslog\0", cmdline);
            Assert.Contains("MODULAR_E2E_MARKER=passed-down", environ);
            Assert.DoesNotContain("DBUS_SESSION_BUS_ADDRESS=", environ);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", cid);
        }
    }

    private async Task WaitForStatusAsync(string name, string wanted)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var status = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", name);
            if (status.Output == wanted)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"{name} never reached {wanted}");
    }
}
