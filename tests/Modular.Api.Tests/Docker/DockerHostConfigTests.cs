using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// docker run's HostConfig flags through POST /containers/create reach the container as
/// the same modpod flags would (Issue #10, tester's report: they were silently dropped).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerHostConfigTests(DockerServiceFixture service)
{
    private const string Image = ModpodFixture.Busybox;

    [Fact]
    public async Task Run_applies_mounts_read_only_no_new_privileges_shm_devices_and_groups()
    {
        const string script = "grep ' /mt ' /proc/mounts; grep ' /mv ' /proc/mounts | cut -d' ' -f2;"
            + " touch /rootfile 2>/dev/null || echo read-only; grep NoNewPrivs /proc/self/status;"
            + " grep ' /dev/shm ' /proc/mounts; ls /dev/xnull; id -G; cat /proc/1/comm";
        try
        {
            var run = await service.DockerAsync(
                "run", "--rm", "--pull", "never", "--network", "none",
                "--mount", "type=tmpfs,destination=/mt", "--mount", "type=volume,source=apihc-mv1,target=/mv",
                "--read-only", "--security-opt", "no-new-privileges", "--init", "--shm-size", "8m",
                "--device", "/dev/null:/dev/xnull", "--group-add", "10", Image, "sh", "-c", script);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"^tmpfs /mt tmpfs", run.StandardOutput);
            Assert.Contains("/mv\n", run.StandardOutput);
            Assert.Contains("read-only\n", run.StandardOutput);
            Assert.Matches(@"NoNewPrivs:\s+1", run.StandardOutput);
            Assert.Contains("size=8192k", run.StandardOutput);
            Assert.Contains("/dev/xnull\n", run.StandardOutput);
            Assert.Matches(@"\b10\b", run.Lines[^2]);
            Assert.Equal("podman-init", run.Lines[^1]);
            var volumes = await service.DockerAsync("volume", "ls", "--format", "{{.Name}}");
            Assert.Contains("apihc-mv1", volumes.Lines);
        }
        finally
        {
            await service.DockerAsync("volume", "rm", "-f", "apihc-mv1");
        }
    }

    [Fact]
    public async Task Run_with_pid_host_sees_the_hosts_processes()
    {
        var run = await service.DockerAsync(
            "run", "--rm", "--pull", "never", "--network", "none", "--pid", "host",
            Image, "sh", "-c", "test -d /proc/" + Environment.ProcessId + " && echo host-pids");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("host-pids\n", run.StandardOutput);
    }

    [Fact]
    public async Task Compose_long_volume_syntax_mounts_the_named_volume()
    {
        using var http = new UnixHttp(service.Socket);
        const string body = """
            {"Image":"localhost/busybox:latest","Cmd":["true"],
             "HostConfig":{"NetworkMode":"none","Mounts":[{"Type":"volume","Source":"apihc-keep","Target":"/data"}]}}
            """;
        try
        {
            var (status, created) = await http.SendAsync(HttpMethod.Post, "containers/create?name=apihc-compose", body);
            Assert.True(status == 201, created?.ToJsonString());

            var inspect = await service.DockerAsync("inspect", "apihc-compose");
            var mounts = JsonNode.Parse(inspect.StandardOutput)![0]!["Mounts"]!.AsArray();
            var mount = Assert.Single(mounts);
            Assert.Equal("apihc-keep", mount!["Name"]!.GetValue<string>());
            Assert.Equal("/data", mount["Destination"]!.GetValue<string>());
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apihc-compose");
            await service.DockerAsync("volume", "rm", "-f", "apihc-keep");
        }
    }

    [Fact]
    public async Task Run_on_a_missing_network_fails_without_trying_to_pull()
    {
        var run = await service.DockerAsync(
            "run", "--rm", "--network", "apihc-nosuchnet", Image, "true");

        Assert.Equal(125, run.ExitCode);
        Assert.Contains("apihc-nosuchnet", run.StandardError);
        Assert.DoesNotContain("Unable to find image", run.StandardError);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_in_go_words()
    {
        using var http = new UnixHttp(service.Socket);

        var (status, error) = await http.SendAsync(HttpMethod.Post, "containers/create", """{"Image":123}""");
        var (badJson, parse) = await http.SendAsync(HttpMethod.Post, "containers/create", "{bad");
        var (libpod, command) = await http.SendAsync(
            HttpMethod.Post, "/v5.0.0/libpod/containers/create", """{"image":"localhost/busybox","command":"echo"}""");

        Assert.Equal(400, status);
        Assert.Equal(
            "decoding request body as JSON: json: cannot unmarshal number into Go struct field CreateContainerConfig.Image of type string",
            error!["message"]!.GetValue<string>());
        Assert.Equal(400, badJson);
        Assert.Equal("invalid character 'b' looking for beginning of object key string", parse!["cause"]!.GetValue<string>());
        Assert.Equal(400, libpod);
        Assert.Contains("specGeneratorWire.command of type []string", command!["message"]!.GetValue<string>());
    }
}
