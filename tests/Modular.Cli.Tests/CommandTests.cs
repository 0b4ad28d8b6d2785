using Modular.Engine.Containers;

namespace Modular.Cli.Tests;

[Collection("process signals")]
public sealed class CommandTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Run_passes_the_command_after_the_image_and_returns_its_exit_code()
    {
        _cli.Containers.AttachedExitCode = 3;

        var (code, _, _) = await _cli.RunAsync("run", "--rm", "-e", "A=1", "img", "sh", "-c", "exit 3");

        Assert.Equal(3, code);
        var request = Assert.Single(_cli.Containers.Created);
        Assert.Equal(["sh", "-c", "exit 3"], request.Command);
        Assert.Equal(["A=1"], request.Env);
        Assert.True(request.AutoRemove);
        Assert.Contains(_cli.Containers.Calls, c => c.StartsWith("rm ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_env_without_value_copies_the_host_value_or_leaves_it_unset()
    {
        Environment.SetEnvironmentVariable("RUN03_SET", "from-host");
        Environment.SetEnvironmentVariable("RUN03_UNSET", null);

        await _cli.RunAsync("run", "--rm", "-e", "RUN03_SET", "-e", "RUN03_UNSET", "img", "true");

        Assert.Equal(["RUN03_SET=from-host"], _cli.Containers.Created[0].Env);
    }

    [Fact]
    public async Task Run_with_an_empty_entrypoint_clears_it()
    {
        await _cli.RunAsync("run", "--rm", "--entrypoint", "", "img", "echo", "x");
        await _cli.RunAsync("run", "--rm", "--entrypoint=", "img", "sh", "-c", "echo cleared");

        Assert.All(_cli.Containers.Created, r => Assert.Equal("", r.Entrypoint));
        Assert.Equal(["sh", "-c", "echo cleared"], _cli.Containers.Created[1].Command);
    }

    [Fact]
    public async Task Run_detached_prints_the_full_id_and_does_not_attach()
    {
        var (code, stdout, _) = await _cli.RunAsync("run", "-d", "--name", "s1", "img", "sleep", "300");

        Assert.Equal(0, code);
        Assert.Equal(new string('c', 64) + "\n", stdout);
        Assert.False(_cli.Containers.Created[0].Attach);
        Assert.DoesNotContain(_cli.Containers.Calls, c => c.StartsWith("attach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_short_h_is_the_hostname_while_ps_short_h_is_help()
    {
        await _cli.RunAsync("run", "-d", "-h", "myhost", "img", "true");
        var (code, stdout, _) = await _cli.RunAsync("ps", "-h");

        Assert.Equal("myhost", _cli.Containers.Created[0].Hostname);
        Assert.Equal(0, code);
        Assert.Contains("List running containers", stdout);
    }

    [Theory]
    [InlineData(new[] { "run", "--rm" }, "Error: requires at least 1 arg(s), only received 0\n")]
    [InlineData(new[] { "ps", "--format" }, "Error: flag needs an argument: --format\n")]
    [InlineData(new[] { "nosuchverb" }, "Error: unrecognized command `modpod nosuchverb`\n")]
    [InlineData(new[] { "image" }, "Error: missing command 'modpod image COMMAND'\n")]
    public async Task Parse_errors_use_podmans_words_and_exit_125(string[] args, string expected)
    {
        var (code, _, stderr) = await _cli.RunAsync(args);

        Assert.Equal((125, expected), (code, stderr));
    }

    [Fact]
    public async Task Run_with_an_unknown_flag_exits_125_with_one_line()
    {
        var (code, _, stderr) = await _cli.RunAsync("run", "--rm", "--no-such-flag", "img", "true");

        Assert.Equal(125, code);
        Assert.Equal("Error: unknown flag: --no-such-flag\n", stderr);
        Assert.Empty(_cli.Containers.Created);
    }

    [Theory]
    [InlineData(typeof(Modular.Contracts.Errors.CannotInvokeException), 126)]
    [InlineData(typeof(Modular.Contracts.Errors.CommandNotFoundException), 127)]
    public async Task Run_maps_invoke_failures_to_126_and_127(Type failure, int expected)
    {
        _cli.Containers.AttachFailure = (Exception)Activator.CreateInstance(failure, "/etc: permission denied", null)!;

        var (code, _, stderr) = await _cli.RunAsync("run", "--rm", "img", "/etc");

        Assert.Equal(expected, code);
        Assert.StartsWith("Error: /etc", stderr);
    }

    [Fact]
    public async Task Create_asks_for_a_terminal_and_stdin_with_bundled_it()
    {
        var (code, _, _) = await _cli.RunAsync("create", "-it", "img", "sh");

        Assert.Equal(0, code);
        Assert.True(_cli.Containers.Created[0].Tty);
        Assert.True(_cli.Containers.Created[0].Interactive);
    }

    [Fact]
    public async Task Run_refuses_unknown_detach_keys_with_podmans_text()
    {
        var (code, _, stderr) = await _cli.RunAsync("run", "-i", "--detach-keys", "ctrl-1", "img", "cat");

        Assert.Equal(125, code);
        Assert.Contains("Unknown character: 'ctrl-1'", stderr);
    }

    [Fact]
    public async Task Rm_exits_1_for_a_missing_container_and_2_for_a_running_one()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "up", "running", DateTimeOffset.UnixEpoch));

        var missing = await _cli.RunAsync("rm", "nosuch");
        var running = await _cli.RunAsync("rm", "up");
        var forced = await _cli.RunAsync("rm", "-f", "up");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(2, running.ExitCode);
        Assert.Equal((0, "up\n"), (forced.ExitCode, forced.Stdout));
    }

    [Fact]
    public async Task Rm_force_of_a_missing_container_is_not_an_error()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("rm", "-f", "nosuch");

        Assert.Equal((0, "", ""), (code, stdout, stderr));
    }

    [Fact]
    public async Task Rm_of_several_keeps_exit_1_when_one_was_missing()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "up", "running", DateTimeOffset.UnixEpoch));

        var (code, _, stderr) = await _cli.RunAsync("rm", "nosuch", "up");

        Assert.Equal(1, code);
        Assert.Equal(2, stderr.Split("Error: ").Length - 1);
    }

    [Fact]
    public async Task Container_exists_exits_1_for_a_missing_name()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("container", "exists", "nosuch");

        Assert.Equal((1, "", ""), (code, stdout, stderr));
    }

    [Fact]
    public async Task Ps_prints_podman_columns()
    {
        var created = _cli.Now.AddMinutes(-5);
        _cli.Containers.Containers.Add(FakeContainerService.Info("0123456789abcdef" + new string('0', 48), "s1", "running", created));

        var (code, stdout, _) = await _cli.RunAsync("ps");

        Assert.Equal(0, code);
        Assert.Equal(
            "CONTAINER ID  IMAGE                     COMMAND     CREATED        STATUS        PORTS       NAMES\n" +
            "0123456789ab  localhost/busybox:latest  sleep 300   5 minutes ago  Up 5 minutes              s1\n",
            stdout);
    }

    [Fact]
    public async Task Ps_filters_by_status_and_formats_names()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "up", "running", _cli.Now));
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('b', 64), "down", "exited", _cli.Now, 3));

        var (_, stdout, _) = await _cli.RunAsync("ps", "-a", "--filter", "status=exited", "--format", "{{.Names}} {{.Status}}");

        Assert.Equal("down Exited (3) Less than a second ago\n", stdout);
    }

    [Fact]
    public async Task Ps_filters_of_one_key_are_alternatives()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "one", "running", _cli.Now));
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('b', 64), "two", "exited", _cli.Now, 0));
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('d', 64), "three", "created", _cli.Now));

        var (_, stdout, _) = await _cli.RunAsync("ps", "-a", "--filter", "name=^one$", "--filter", "name=^two$",
            "--format", "{{.Names}}");

        Assert.Equal("one\ntwo\n", stdout);
    }

    [Fact]
    public async Task A_bad_template_exits_125_with_one_template_error_line()
    {
        var (code, _, stderr) = await _cli.RunAsync("ps", "--format", "{{.ID");

        Assert.Equal(125, code);
        Assert.StartsWith("Error: template: ", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Images_keep_a_registry_port_in_the_repository()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now, 1_240_000,
            "localhost/busybox:latest", "localhost:5000/team/ref03:20240101"));

        var (_, stdout, _) = await _cli.RunAsync("images", "--format", "{{.Repository}}|{{.Tag}}",
            "--filter", "reference=localhost:5000/team/ref03");

        Assert.Contains("localhost:5000/team/ref03|20240101\n", stdout);
        Assert.DoesNotContain("localhost|5000", stdout);
    }

    [Fact]
    public async Task Images_table_uses_podman_headers_and_sizes()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now.AddHours(-2), 1_240_000, "localhost/busybox:latest"));

        var (_, stdout, _) = await _cli.RunAsync("images");

        Assert.Equal(
            "REPOSITORY         TAG         IMAGE ID      CREATED      SIZE\n" +
            "localhost/busybox  latest      eeeeeeeeeeee  2 hours ago  1.24 MB\n",
            stdout);
    }

    [Fact]
    public async Task Inspect_format_reads_the_exit_code()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "sig01", "exited", _cli.Now, 137));

        var (code, stdout, _) = await _cli.RunAsync("inspect", "--format", "{{.State.ExitCode}}", "sig01");

        Assert.Equal((0, "137\n"), (code, stdout));
    }

    [Fact]
    public async Task Inspect_templates_accept_both_Id_and_ID()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now, 1, "localhost/busybox:latest"));

        var (_, stdout, _) = await _cli.RunAsync("image", "inspect", "--format", "{{.Id}} {{.ID}}", "localhost/busybox:latest");

        Assert.Equal($"{new string('e', 64)} {new string('e', 64)}\n", stdout);
    }

    [Fact]
    public async Task Inspect_prints_a_json_array_indented_by_four_spaces()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now, 1, "localhost/busybox:latest"));

        var (_, stdout, _) = await _cli.RunAsync("image", "inspect", "localhost/busybox:latest");

        Assert.StartsWith("[\n    {\n        \"Id\": \"eeee", stdout);
    }

    [Fact]
    public async Task Image_exists_exits_0_or_1()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now, 1, "localhost/busybox:latest"));

        var found = await _cli.RunAsync("image", "exists", "localhost/busybox:latest");
        var missing = await _cli.RunAsync("image", "exists", "localhost/none:latest");

        Assert.Equal((0, 1), (found.ExitCode, missing.ExitCode));
    }

    [Fact]
    public async Task Stop_passes_the_timeout_and_prints_the_name()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "sig01", "running", _cli.Now));

        var (code, stdout, _) = await _cli.RunAsync("stop", "-t", "3", "sig01");

        Assert.Equal((0, "sig01\n"), (code, stdout));
        Assert.Contains("stop sig01 3", _cli.Containers.Calls);
    }

    [Fact]
    public async Task Wait_prints_the_exit_code()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "w", "exited", _cli.Now, 42));

        var (_, stdout, _) = await _cli.RunAsync("wait", "w");

        Assert.Equal("42\n", stdout);
    }

    [Fact]
    public async Task Events_without_streaming_print_one_json_object_a_line()
    {
        _cli.Events.Events.Add(new Modular.Contracts.Hooks.EngineEvent("container", "start", "abc", "web", _cli.Now,
            new Dictionary<string, string> { ["image"] = "localhost/busybox:latest" }));

        var (code, stdout, _) = await _cli.RunAsync("events", "--stream=false", "--format", "json",
            "--filter", "event=start", "--since", "1h");

        Assert.Equal(0, code);
        Assert.False(_cli.Events.LastStream);
        Assert.StartsWith("{\"ID\":\"abc\",\"Image\":\"localhost/busybox:latest\",\"Name\":\"web\",\"Status\":\"start\"", stdout);
    }

    [Fact]
    public async Task Pull_passes_tls_choice_and_platform_and_prints_the_id()
    {
        _cli.Images.Images.Add(FakeImageService.Image(new string('e', 64), _cli.Now, 1, "127.0.0.1:5000/bb:latest"));

        var (code, stdout, _) = await _cli.RunAsync("pull", "--tls-verify=false", "--arch", "arm64", "-q",
            "127.0.0.1:5000/bb:latest");

        Assert.Equal((0, new string('e', 64) + "\n"), (code, stdout));
        Assert.Equal(false, _cli.Images.LastPull!.TlsVerify);
        Assert.Equal("linux/arm64", _cli.Images.LastPull.Platform);
    }

    [Fact]
    public async Task Global_version_flag_prints_one_line()
    {
        var (code, stdout, _) = await _cli.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^modpod version \S+\n$", stdout);
    }

    [Fact]
    public async Task Container_cleanup_is_hidden_but_works()
    {
        _cli.Containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "c", "exited", _cli.Now, 0));

        var (code, _, _) = await _cli.RunAsync("--root", "/tmp/r", "container", "cleanup", "--rm", new string('a', 64));

        Assert.Equal(0, code);
        Assert.Contains("cleanup " + new string('a', 64), _cli.Containers.Calls);
    }
}
