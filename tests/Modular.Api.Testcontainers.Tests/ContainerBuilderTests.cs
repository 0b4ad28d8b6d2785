using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Testcontainers.Tests;

/// <summary>
/// Testcontainers 4.17 against modpod-service (Issue #10), Ryuk disabled: a builder with a
/// command, a published port and wait strategies, then stop and dispose.
/// </summary>
[Collection(TestcontainersCollection.Name)]
public sealed class ContainerBuilderTests(TestcontainersServiceFixture fixture)
{
    private const ushort HttpPort = 8080;

    [Fact]
    public async Task Container_waits_for_its_log_line_serves_on_the_mapped_port_and_stops()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var container = Builder("tc-httpd")
            .WithCommand("sh", "-c",
                "mkdir -p /www && echo served-by-busybox > /www/index.html"
                + " && echo httpd ready && exec httpd -f -p 8080 -h /www")
            .WithPortBinding(HttpPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer()
                .UntilMessageIsLogged("httpd ready")
                .UntilExternalTcpPortIsAvailable(HttpPort))
            .Build();

        await using (container)
        {
            await container.StartAsync(timeout.Token);
            var port = container.GetMappedPublicPort(HttpPort);
            using var http = new HttpClient();
            var body = await http.GetStringAsync(
                $"http://{container.Hostname}:{port}/", timeout.Token);
            await container.StopAsync(timeout.Token);

            Assert.Equal("served-by-busybox\n", body);
            Assert.Equal(TestcontainersStates.Exited, container.State);
        }

        var after = await fixture.Service.Modpod.RunAsync("ps", "-a", "--format", "{{.Names}}");
        Assert.DoesNotContain("tc-httpd", after.StandardOutput);
    }

    [Fact]
    public async Task Exec_and_exit_code_come_back_through_the_container_object()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var container = Builder("tc-exec")
            .WithCommand("sh", "-c", "echo up; exec sleep 300")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("up"))
            .Build();

        await using (container)
        {
            await container.StartAsync(timeout.Token);
            var exec = await container.ExecAsync(["sh", "-c", "echo in-exec; exit 5"], timeout.Token);
            var (stdout, _) = await container.GetLogsAsync(timestampsEnabled: false, ct: timeout.Token);

            Assert.Equal(5, exec.ExitCode);
            Assert.Equal("in-exec\n", exec.Stdout);
            Assert.Equal("up\n", stdout);
        }
    }

    [Fact]
    public async Task A_present_image_is_used_without_any_pull()
    {
        var before = await fixture.Service.Modpod.RunAsync("images", "--format", "{{.ID}}");
        var container = Builder("tc-nopull").WithCommand("true").Build();

        await using (container)
        {
            await container.StartAsync();
        }

        var after = await fixture.Service.Modpod.RunAsync("images", "--format", "{{.ID}}");
        Assert.Equal(before.StandardOutput, after.StandardOutput);
    }

    // The image is loaded in the store; a pull policy that never pulls keeps Testcontainers
    // from asking the service to fetch anything from a registry. Clean-up stays on: with
    // Ryuk disabled it means dispose removes the container.
    private ContainerBuilder Builder(string name) => new ContainerBuilder(ModpodFixture.Busybox)
        .WithDockerEndpoint(fixture.Endpoint)
        .WithImagePullPolicy(_ => false)
        .WithName(name)
        .WithNetwork(TestcontainersServiceFixture.Network);
}
