using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Create flags, exec, attach and run -i/-t through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    // Created, never started: the default network is named but not touched.
    private const string MountsFormat =
        "{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} {{.RW}};{{end}}";

    [Fact]
    public async Task Create_with_volumes_mounts_tmpfs_dns_and_hosts_matches_the_local_command()
    {
        var bind = Directory.CreateDirectory(Path.Combine(Store.Directory, "remote-bind")).FullName;
        string[] flags =
        [
            "-v", "remote-named:/named", "-v", bind + ":/bound:ro", "-v", "/anon",
            "--mount", "type=tmpfs,destination=/mounted", "--tmpfs", "/scratch:size=1m",
        ];

        var remote = await RemoteAsync(["create", "--name", "remote-flags", .. flags, ModpodFixture.Busybox]);
        var local = await Store.RunAsync(["create", "--name", "local-flags", .. flags, ModpodFixture.Busybox]);

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.True(local.ExitCode == 0, local.ToString());
        var remoteMounts = await Store.RunAsync("inspect", "--format", MountsFormat, "remote-flags");
        var localMounts = await Store.RunAsync("inspect", "--format", MountsFormat, "local-flags");
        Assert.True(localMounts.ExitCode == 0, localMounts.ToString());
        Assert.Equal(Anonymous(localMounts.Output), Anonymous(remoteMounts.Output));
        Assert.Contains("/named true", remoteMounts.Output);
        Assert.Contains($"bind {bind} /bound false", remoteMounts.Output);
        Assert.Equal(0, (await Store.RunAsync("rm", "-v", "remote-flags", "local-flags")).ExitCode);
        Assert.Equal(0, (await Store.RunAsync("volume", "rm", "remote-named")).ExitCode);
    }

    [Fact]
    public async Task Run_with_dns_and_add_host_writes_what_the_local_command_writes()
    {
        var network = await Store.RunAsync("network", "create", "--subnet", "10.218.4.0/24", "remote-dns-net");
        Assert.True(network.ExitCode == 0, network.ToString());
        string[] run =
        [
            "run", "--rm", "--network", "remote-dns-net", "--dns", "10.9.8.7", "--dns-search", "remote.test",
            "--dns-option", "ndots:2", "--add-host", "remote-host:10.1.2.3", ModpodFixture.Busybox,
            "sh", "-c", "cat /etc/resolv.conf; grep remote-host /etc/hosts",
        ];

        try
        {
            var local = await Store.RunAsync(run);
            var remote = await RemoteAsync(run);

            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.Equal(local.StandardOutput, remote.StandardOutput);
            Assert.Contains("nameserver 10.9.8.7", remote.Output);
            Assert.Contains("10.1.2.3", remote.Output);
        }
        finally
        {
            await Store.RunAsync("network", "rm", "-f", "remote-dns-net");
        }
    }

    [Fact]
    public async Task Exec_prints_the_output_and_passes_the_exit_code_on()
    {
        await RunSleeperAsync("remote-exec");

        var result = await RemoteAsync("exec", "remote-exec", "sh", "-c", "echo out; echo err >&2; exit 4");
        var env = await RemoteAsync("exec", "-e", "GREETING=hi", "-w", "/tmp", "remote-exec", "sh", "-c", "echo $GREETING $PWD");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal("out", result.Output);
        Assert.Equal("err", result.StandardError.Trim());
        Assert.Equal("hi /tmp", env.Output);
        await Store.RunAsync("rm", "-f", "-t", "0", "remote-exec");
    }

    // The service writes the error line just before it ends the taken-over connection:
    // the line must reach the client before the close.
    [Fact]
    public async Task Exec_of_a_missing_command_exits_as_the_local_command_does()
    {
        await RunSleeperAsync("remote-exec-missing");

        var local = await Store.RunAsync("exec", "remote-exec-missing", "/no/such/command");
        var remote = await RemoteAsync("exec", "remote-exec-missing", "/no/such/command");

        Assert.Equal(127, local.ExitCode);
        Assert.True(local.ExitCode == remote.ExitCode, remote.ToString());
        Assert.Contains("executable file", local.StandardError);
        Assert.Equal(local.StandardError, remote.StandardError);
        await Store.RunAsync("rm", "-f", "-t", "0", "remote-exec-missing");
    }

    [Fact]
    public async Task Exec_interactive_forwards_stdin_until_its_end()
    {
        await RunSleeperAsync("remote-exec-i");

        var result = await Store.RunWithInputAsync(
            "one\ntwo\n",
            ["--url", "unix://" + service.Socket, "exec", "-i", "remote-exec-i", "sh", "-c", "cat; exit 5"]);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("one\ntwo", result.Output);
        await Store.RunAsync("rm", "-f", "-t", "0", "remote-exec-i");
    }

    [Fact]
    public async Task Run_interactive_forwards_stdin_and_passes_the_exit_code_on()
    {
        var result = await Store.RunWithInputAsync(
            "piped\n",
            ["--url", "unix://" + service.Socket, "run", "-i", "--rm", "--name", "remote-run-i", "--network", "none",
                ModpodFixture.Busybox, "sh", "-c", "cat; echo done >&2; exit 6"]);

        Assert.Equal(6, result.ExitCode);
        Assert.Equal("piped", result.Output);
        Assert.Equal("done", result.StandardError.Trim());
        Assert.False(await Store.ContainerExistsAsync("remote-run-i"));
    }

    [Fact]
    public async Task Run_with_a_terminal_prints_what_the_local_command_prints()
    {
        string[] run = ["run", "-t", "--rm", "--network", "none", ModpodFixture.Busybox, "echo", "terminal"];

        var local = await Store.RunAsync(run);
        var remote = await RemoteAsync(run);

        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
    }

    [Fact]
    public async Task Attach_forwards_stdin_to_a_running_container()
    {
        var run = await RemoteAsync(
            "run", "-d", "-i", "--name", "remote-attach", "--network", "none", ModpodFixture.Busybox, "cat");
        Assert.True(run.ExitCode == 0, run.ToString());

        var result = await Store.RunWithInputAsync(
            "attached\n", ["--url", "unix://" + service.Socket, "attach", "remote-attach"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("attached", result.Output);
        await Store.RunAsync("rm", "-f", "-t", "0", "remote-attach");
    }

    private async Task RunSleeperAsync(string name)
    {
        var run = await RemoteAsync("run", "-d", "--name", name, "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    // An anonymous volume's source is random; the rest must match. The order may differ:
    // the SpecGenerator carries binds and volumes in two lists, as Podman's does.
    private static string Anonymous(string mounts) =>
        string.Join(';', mounts.Split(';')
            .Select(m => m.Contains("/anon") ? m.Split(' ')[0] + " /anon" : m)
            .Order(StringComparer.Ordinal));
}
