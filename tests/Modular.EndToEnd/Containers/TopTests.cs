using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>top: Podman's default columns, descriptors, the ps(1) fallback, refusals.</summary>
[Collection(Collections.Containers)]
public sealed class TopTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Top_shows_the_containers_processes_with_podmans_columns()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "tp-one", "--network", "none", image, "sh", "-c", "sleep 600 & wait");

            var top = await modpod.RunAsync("top", "tp-one");
            var picked = await modpod.RunAsync("container", "top", "tp-one", "pid,comm", "user");

            ModpodAssert.Exit(0, top);
            Assert.Equal(
                ["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
                top.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var rows = top.Lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(["root", "1", "0"], rows[0][..3]);
            Assert.Equal("1", rows[1][2]);
            Assert.Contains("sleep 600", top.Lines[2]);
            ModpodAssert.Exit(0, picked);
            Assert.Equal(["PID", "COMMAND", "USER"], picked.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(["1", "sh", "root"], picked.Lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "tp-one");
        }
    }

    [Fact]
    public async Task Security_descriptors_show_capabilities_seccomp_and_label_as_psgo()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "tp-sec", "--network", "none", "--cap-drop", "ALL",
                "--cap-add", "CHOWN,KILL", image, "sleep", "600");

            var top = await modpod.RunAsync("top", "tp-sec", "pid", "capeff", "capamb", "seccomp", "label", "hgroup");

            ModpodAssert.Exit(0, top);
            Assert.Equal(
                ["PID", "EFFECTIVE CAPS", "AMBIENT CAPS", "SECCOMP", "LABEL", "HGROUP"],
                top.Lines[0].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal(
                ["1", "CHOWN,KILL", "none", "filter", "?", "root"],
                top.Lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "tp-sec");
        }
    }

    [Fact]
    public async Task Ps_options_fall_back_to_ps_in_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "tp-ps", "--network", "none", image, "sleep", "600");

            var top = await modpod.RunAsync("top", "tp-ps", "-o", "pid,comm");

            ModpodAssert.Exit(0, top);
            Assert.Equal(["PID", "COMMAND"], top.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(top.Lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["1", "sleep"]);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "tp-ps");
        }
    }

    [Fact]
    public async Task Top_refuses_a_container_that_is_not_running()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "tp-created", "--network", "none", image, "true");

            var top = await modpod.RunAsync("top", "tp-created");
            var none = await modpod.RunAsync("top");
            var missing = await modpod.RunAsync("top", "tp-missing");

            ModpodAssert.Exit(125, top);
            Assert.Equal("Error: top can only be used on running containers", top.StandardError.Trim());
            ModpodAssert.Exit(125, none);
            Assert.Equal("Error: you must provide the name or id of a running container", none.StandardError.Trim());
            ModpodAssert.Exit(125, missing);
            Assert.Equal("Error: no container with name or ID \"tp-missing\" found: no such container", missing.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "tp-created");
        }
    }
}
