using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// Debian's docker-compose 1.29 against the service (Issue #10): two services on a
/// project network, one finding the other by a network alias, and a named volume.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class ComposeTests(DockerServiceFixture service)
{
    private const string Compose = "/usr/bin/docker-compose";
    private const string Project = "apinetc";

    // $$ is compose's escape for a literal $ in the shell command.
    private static readonly string File = $$"""
        version: "2.4"
        services:
          server:
            image: {{ModpodFixture.Busybox}}
            command: ["sh", "-c", "echo stored > /data/note; echo server up; sleep 300"]
            volumes:
              - shared:/data
            networks:
              appnet:
                aliases: [backend]
          client:
            image: {{ModpodFixture.Busybox}}
            command:
              - sh
              - -c
              - for i in $$(seq 30); do nslookup backend >/tmp/ns 2>&1 && break; sleep 1; done; grep -q Address /tmp/ns && echo resolved backend; sleep 300
            networks: [appnet]
            depends_on: [server]
        networks:
          appnet:
            ipam:
              config:
                - subnet: 10.215.9.0/24
        volumes:
          shared:
        """;

    [Fact]
    public async Task ComposeUpPsLogsAndDownLeaveNothingBehind()
    {
        var dir = Path.Combine(service.Modpod.Directory, "compose");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "docker-compose.yml");
        await System.IO.File.WriteAllTextAsync(file, File);
        try
        {
            var up = await ComposeAsync(file, "up", "-d");
            Assert.True(up.ExitCode == 0, up.StandardError);

            var ps = await ComposeAsync(file, "ps");
            Assert.Contains("apinetc_server_1", ps.StandardOutput);
            Assert.Contains("apinetc_client_1", ps.StandardOutput);
            Assert.Contains("Up", ps.StandardOutput);

            var logs = await WaitForLogAsync(file, "resolved backend");
            Assert.Contains("server up", logs);
            Assert.Contains("resolved backend", logs);

            var volume = await service.DockerAsync("volume", "inspect", "apinetc_shared");
            Assert.True(volume.ExitCode == 0, volume.StandardError);
        }
        finally
        {
            var down = await ComposeAsync(file, "down", "-v", "-t", "1");
            Assert.True(down.ExitCode == 0, down.StandardError);
        }

        var left = await service.DockerAsync("ps", "-a", "--filter", "label=com.docker.compose.project=" + Project, "-q");
        Assert.Equal("", left.StandardOutput);
        Assert.NotEqual(0, (await service.DockerAsync("network", "inspect", "apinetc_appnet")).ExitCode);
        Assert.NotEqual(0, (await service.DockerAsync("volume", "inspect", "apinetc_shared")).ExitCode);
    }

    private async Task<string> WaitForLogAsync(string file, string text)
    {
        for (var i = 0; ; i++)
        {
            var logs = await ComposeAsync(file, "logs", "--no-color");
            if (logs.StandardOutput.Contains(text, StringComparison.Ordinal) || i == 60)
            {
                Assert.True(logs.ExitCode == 0, logs.StandardError);
                return logs.StandardOutput;
            }

            await Task.Delay(500);
        }
    }

    private async Task<ModpodResult> ComposeAsync(string file, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await Cli.Wrap(Compose)
            .WithArguments(["-p", Project, "-f", file, .. args])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "unix://" + service.Socket,
                ["DOCKER_CONFIG"] = Path.Combine(service.Modpod.Directory, "docker-config"),
                ["COMPOSE_INTERACTIVE_NO_CLI"] = "1",
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
