using Modular.Api.Tests.Docker;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// Create flags through the remote client: a container made with
/// `modpod --url unix://SOCK create FLAGS` inspects as one made by local `modpod create FLAGS`
/// on the fields those flags set; bad values fail with the local words and exit code.
/// </summary>
public sealed partial class ModpodRemoteTests
{
    // Sysctls, exposed ports and id maps are not in modpod's inspect yet: the round trip in
    // tests/Modular.Cli.Tests/Remote/SpecGeneratorRoundTripTests.cs covers them.
    [Fact]
    public async Task Create_resource_flags_inspect_as_locally()
    {
        await AssertSameCreateAsync(
            "res",
            ["--memory", "64m", "--memory-reservation", "32m", "--cpus", "1.5", "--cpu-shares", "512",
                "--cpuset-cpus", "0", "--pids-limit", "100", "--oom-score-adj", "100"],
            ["Memory", "MemoryReservation", "MemorySwap", "NanoCpus", "CpuQuota", "CpuPeriod", "CpuShares",
                "CpusetCpus", "PidsLimit", "OomScoreAdj"]);
    }

    [Fact]
    public async Task Create_security_flags_inspect_as_locally()
    {
        await AssertSameCreateAsync(
            "sec",
            ["--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN", "--read-only", "--security-opt", "no-new-privileges",
                "--security-opt", "seccomp=unconfined", "--group-add", "10", "--ulimit", "nofile=1024:2048",
                "--sysctl", "net.ipv4.ip_forward=1", "--shm-size", "32m", "--init", "--privileged"],
            ["CapAdd", "CapDrop", "ReadonlyRootfs", "SecurityOpt", "GroupAdd", "Ulimits", "ShmSize",
                "Init", "Privileged"]);
    }

    [Fact]
    public async Task Create_namespace_flags_inspect_as_locally()
    {
        await AssertSameCreateAsync(
            "ns",
            ["--ipc", "shareable", "--pid", "host", "--uts", "host", "--cgroupns", "host"],
            ["IpcMode", "PidMode", "UTSMode", "CgroupMode"]);
    }

    [Fact]
    public async Task Create_process_flags_inspect_as_locally()
    {
        await AssertSameCreateAsync(
            "proc",
            ["--stop-signal", "SIGUSR1", "--umask", "0027", "--unsetenv", "HOSTNAME", "--env", "A=1",
                "--health-cmd", "true", "--health-interval", "1m", "--health-retries", "4",
                "--health-on-failure", "kill", "--log-opt", "max-size=10m", "--expose", "9000/udp",
                "--timeout", "30", "--no-hostname"],
            [".Config.StopSignal", ".Config.Umask", ".Config.Env", ".Config.Healthcheck",
                ".Config.HealthcheckOnFailureAction", ".HostConfig.LogConfig.Size",
                ".Config.Timeout"]);
    }

    [Fact]
    public async Task Create_with_a_bad_limit_fails_as_locally_and_makes_nothing()
    {
        var before = (await Store.RunAsync("ps", "-aq")).Lines;
        foreach (string[] flags in (string[][])[["--memory", "1x"], ["--ulimit", "nofile=a:b"], ["--stop-signal", "SIGNOPE"]])
        {
            string[] create = ["create", "--network", "none", .. flags, ModpodFixture.Busybox, "true"];
            var local = await Store.RunAsync(create);
            var remote = await RemoteAsync(create);

            Assert.NotEqual(0, local.ExitCode);
            Assert.Equal(local.ExitCode, remote.ExitCode);
            Assert.Equal(local.StandardError.Trim(), remote.StandardError.Trim());
        }

        Assert.Equal(before, (await Store.RunAsync("ps", "-aq")).Lines);
    }

    [Fact]
    public async Task Raw_spec_generator_keys_reach_the_container_and_wrong_types_are_go_errors()
    {
        using var http = new UnixHttp(service.Socket);
        var body = $$$"""
            {"image":"{{{ModpodFixture.Busybox}}}","name":"raw-spec-keys","netns":{"nsmode":"none"},
             "resource_limits":{"memory":{"limit":67108864},"pids":{"limit":50}},
             "r_limits":[{"type":"RLIMIT_NOFILE","soft":1024,"hard":2048}],"stop_signal":10,
             "pidns":{"nsmode":"host"},"cap_drop":["CAP_CHOWN"]}
            """;
        try
        {
            var (status, answer) = await http.SendAsync(HttpMethod.Post, "/v5.0.0/libpod/containers/create", body);
            var (bad, error) = await http.SendAsync(
                HttpMethod.Post, "/v5.0.0/libpod/containers/create",
                $$"""{"image":"{{ModpodFixture.Busybox}}","stop_signal":"SIGTERM"}""");

            Assert.True(status == 201, answer?.ToJsonString());
            var inspect = await Store.RunAsync(
                "inspect", "--format",
                "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.Config.StopSignal}} {{.HostConfig.PidMode}}",
                "raw-spec-keys");
            Assert.Equal("67108864 50 10 host", inspect.Output);
            Assert.Equal(400, bad);
            Assert.Equal(
                "decoding request body as JSON: json: cannot unmarshal string into Go struct field specGeneratorWire.stop_signal of type syscall.Signal",
                error!["message"]!.GetValue<string>());
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "raw-spec-keys");
        }
    }

    [Fact]
    public async Task Preserve_fds_is_refused_before_anything_is_made()
    {
        var before = (await Store.RunAsync("ps", "-aq")).Lines;

        var result = await RemoteAsync(
            "create", "--preserve-fds", "1", "--network", "none", ModpodFixture.Busybox, "true");

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith("Error: ", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Equal(before, (await Store.RunAsync("ps", "-aq")).Lines);
    }

    [Fact]
    public async Task Pod_create_resources_and_mac_address_inspect_as_locally()
    {
        var net = await Store.RunAsync("network", "create", "--subnet", "10.231.7.0/24", "remote-spec-net");
        Assert.True(net.ExitCode == 0, net.ToString());
        try
        {
            string[] flags = ["--network", "remote-spec-net", "--mac-address", "92:d0:c6:0a:29:33",
                "--memory", "64m", "--cpus", "1.5"];
            var local = await Store.RunAsync(["pod", "create", "--name", "local-spec-pod", .. flags]);
            var remote = await RemoteAsync(["pod", "create", "--name", "remote-spec-pod", .. flags]);
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.True(remote.ExitCode == 0, remote.ToString());

            var format = "{{json .InfraConfig.StaticMAC}} {{.CPUQuota}} {{.CPUPeriod}} {{.MemoryLimit}}";
            Assert.Equal(
                (await Store.RunAsync("pod", "inspect", "--format", format, "local-spec-pod")).Output,
                (await Store.RunAsync("pod", "inspect", "--format", format, "remote-spec-pod")).Output);
        }
        finally
        {
            await Store.RunAsync("pod", "rm", "-f", "local-spec-pod", "remote-spec-pod");
            await Store.RunAsync("network", "rm", "-f", "remote-spec-net");
        }
    }

    // Each field is a HostConfig member unless it starts with a dot (a full path).
    private async Task AssertSameCreateAsync(string tag, string[] flags, string[] fields)
    {
        var format = string.Join(" | ", fields.Select(field =>
            "{{json " + (field.StartsWith('.') ? field : ".HostConfig." + field) + "}}"));
        var local = $"local-flags-{tag}";
        var remote = $"remote-flags-{tag}";
        try
        {
            var made = await Store.RunAsync(
                ["create", "--name", local, "--network", "none", .. flags, ModpodFixture.Busybox, "true"]);
            var sent = await RemoteAsync(
                ["create", "--name", remote, "--network", "none", .. flags, ModpodFixture.Busybox, "true"]);
            Assert.True(made.ExitCode == 0, made.ToString());
            Assert.True(sent.ExitCode == 0, sent.ToString());

            var expected = await Store.RunAsync("inspect", "--format", format, local);
            var actual = await Store.RunAsync("inspect", "--format", format, remote);
            Assert.True(expected.ExitCode == 0, expected.ToString());
            Assert.Equal(expected.Output, actual.Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", local, remote);
        }
    }
}
