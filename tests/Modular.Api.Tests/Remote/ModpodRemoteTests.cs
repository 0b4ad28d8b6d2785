using Modular.Api.Tests.Libpod;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// `modpod --url unix://SOCKET X` against the staged service prints what local `modpod X`
/// prints for the same store. The remote runs get a HOME and connections file of their own.
/// </summary>
public sealed partial class ModpodRemoteTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    private string Home => Path.Combine(Store.Directory, "remote-home");

    [Fact]
    public async Task Version_prints_a_client_and_a_server_block()
    {
        var result = await RemoteAsync("version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Client:", result.StandardOutput);
        Assert.Contains("Server:", result.StandardOutput);
    }

    [Fact]
    public async Task Run_detached_ps_and_rm_match_the_local_commands()
    {
        var run = await RemoteAsync(
            "run", "-d", "--name", "remote-rps", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());

        var format = "{{.Names}} {{.Image}} {{.Command}} {{.State}}";
        await AssertSameAsync("ps", "--format", format);
        await AssertSameAsync("ps", "-a", "--format", "{{.ID}} {{.Names}}");
        await AssertSameAsync("inspect", "--format", "{{.Name}} {{.State.Status}}", "remote-rps");

        var rm = await RemoteAsync("rm", "-f", "-t", "0", "remote-rps");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("remote-rps", rm.Output);
        Assert.False(await Store.ContainerExistsAsync("remote-rps"));
    }

    [Fact]
    public async Task Run_attached_prints_the_output_and_passes_the_exit_code_on()
    {
        var result = await RemoteAsync(
            "run", "--rm", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out", result.Output);
        Assert.Equal("err", result.StandardError.Trim());
    }

    [Fact]
    public async Task Create_start_logs_stop_and_wait_match_the_local_commands()
    {
        var create = await RemoteAsync(
            "create", "--name", "remote-cslw", "--network", "none", ModpodFixture.Busybox,
            "sh", "-c", "echo one; echo two >&2; sleep 100");
        var start = await RemoteAsync("start", "remote-cslw");
        await UntilLoggedAsync("remote-cslw", "one");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("remote-cslw", start.Output);
        await AssertSameAsync("logs", "remote-cslw");
        var stop = await RemoteAsync("stop", "-t", "0", "remote-cslw");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal("remote-cslw", stop.Output);
        await AssertSameAsync("wait", "remote-cslw");
        Assert.Equal(0, (await RemoteAsync("rm", "remote-cslw")).ExitCode);
    }

    [Fact]
    public async Task Images_matches_the_local_command()
    {
        await AssertSameAsync("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}");
    }

    [Fact]
    public async Task Volume_create_ls_and_rm_match_the_local_commands()
    {
        var create = await RemoteAsync("volume", "create", "remote-vol");
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Equal("remote-vol", create.Output);

        await AssertSameAsync("volume", "ls", "--format", "{{.Name}} {{.Driver}}");
        await AssertSameAsync("volume", "ls");

        var rm = await RemoteAsync("volume", "rm", "remote-vol");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("", (await Store.RunAsync("volume", "ls", "-q")).Output);
    }

    [Fact]
    public async Task Network_create_ls_and_rm_match_the_local_commands()
    {
        var create = await RemoteAsync("network", "create", "--subnet", "10.218.1.0/24", "remote-net");
        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Equal("remote-net", create.Output);

        await AssertSameAsync("network", "ls", "--format", "{{.Name}} {{.Driver}}");
        await AssertSameAsync("network", "inspect", "--format", "{{.Name}} {{range .Subnets}}{{.Subnet}}{{end}}", "remote-net");

        var rm = await RemoteAsync("network", "rm", "remote-net");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("remote-net", rm.Output);
        Assert.DoesNotContain("remote-net", (await Store.RunAsync("network", "ls")).Output);
    }

    [Fact]
    public async Task A_missing_container_is_reported_as_locally()
    {
        var local = await Store.RunAsync("rm", "no-such-remote");
        var remote = await RemoteAsync("rm", "no-such-remote");

        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError, remote.StandardError);
    }

    [Fact]
    public async Task An_unsupported_command_exits_125_with_one_error_line()
    {
        var result = await RemoteAsync("mount", "remote-none");

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith("Error: ", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Nothing_listening_exits_125_naming_the_socket()
    {
        var absent = Path.Combine(Store.Directory, "absent.sock");
        var result = await Store.RunAsync(["--url", "unix://" + absent, "ps"], Environment());

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"Error: unable to connect to Podman socket: failed to connect: dial unix {absent}: connect: no such file or directory",
            result.StandardError.Trim());
    }

    [Fact]
    public async Task Info_templates_use_podmans_field_names_as_locally()
    {
        await AssertSameAsync("info", "--format", "{{.Host.Arch}} {{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}");
    }

    [Fact]
    public async Task A_missing_command_exits_127_as_locally()
    {
        var local = await Store.RunAsync("run", "--rm", "--network", "none", ModpodFixture.Busybox, "modular-no-such-cmd");
        var remote = await RemoteAsync("run", "--rm", "--network", "none", ModpodFixture.Busybox, "modular-no-such-cmd");

        Assert.Equal(127, local.ExitCode);
        Assert.Equal(127, remote.ExitCode);
    }

    private async Task AssertSameAsync(params string[] args)
    {
        var local = await Store.RunAsync(args);
        var remote = await RemoteAsync(args);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
    }

    // The container writes its first line soon after start; bounded, it never waits long.
    private async Task UntilLoggedAsync(string name, string line)
    {
        for (var i = 0; i < 100 && !(await Store.RunAsync("logs", name)).Output.Contains(line); i++)
        {
            await Task.Delay(100);
        }
    }

    private Task<ModpodResult> RemoteAsync(params string[] args) =>
        Store.RunAsync(["--url", "unix://" + service.Socket, .. args], Environment());

    private Dictionary<string, string?> Environment()
    {
        Directory.CreateDirectory(Home);
        return new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Home,
            ["PODMAN_CONNECTIONS_CONF"] = Path.Combine(Home, "podman-connections.json"),
            ["CONTAINER_HOST"] = null,
            ["CONTAINER_CONNECTION"] = null,
        };
    }

    /// <summary>The remote command fails with the local exit code, Error line and stdout.</summary>
    private async Task AssertSameFailureAsync(params string[] args)
    {
        var local = await Store.RunAsync(args);
        var remote = await RemoteAsync(args);

        Assert.NotEqual(0, local.ExitCode);
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
    }
}
