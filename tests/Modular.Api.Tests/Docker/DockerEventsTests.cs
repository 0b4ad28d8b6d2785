using System.Collections.Concurrent;
using System.Globalization;
using CliWrap;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>docker events through GET /events: bounded by --since/--until, and streamed (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerEventsTests(DockerServiceFixture service)
{
    private const string Format = "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Status}}";

    [Fact]
    public async Task StreamFalseAnswersTheEventsSoFarAndEnds()
    {
        // Podman's compat tree takes stream=false (its apiv2 01-basic asks for it): the
        // answer ends instead of following.
        await service.Modpod.RunAsync("run", "--rm", "--network", "none", "localhost/busybox:latest", "true");
        using var http = Service.UnixSocketHttp.Create(service.Socket);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await http.GetAsync("/events?stream=false&since=30s", window.Token);
        var body = await response.Content.ReadAsStringAsync(window.Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Action\":\"start\"", body);
    }

    [Fact]
    public async Task SinceUntilReturnsTheRunsEventsAndEnds()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var run = await service.DockerAsync("run", "--rm", "--network", "none", "--name", "apiimg-events", ModpodFixture.Busybox, "true");
        Assert.True(run.ExitCode == 0, run.ToString());
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var events = await service.DockerAsync(
            "events", "--since", since, "--until", until,
            "--filter", "container=apiimg-events", "--format", Format);
        Assert.True(events.ExitCode == 0, events.ToString());
        Assert.Contains("container start apiimg-events start", events.Lines);
        Assert.Contains("container die apiimg-events die", events.Lines);
    }

    [Fact]
    public async Task StreamedEventsSeeARunAsItHappens()
    {
        var lines = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = Cli.Wrap(DockerServiceFixture.DockerCli)
            .WithArguments(["events", "--filter", "type=container", "--filter", "container=apiimg-stream", "--format", Format])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + service.Socket })
            .WithStandardOutputPipe(PipeTarget.ToDelegate(lines.Enqueue))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(CancellationToken.None, stop.Token);
        try
        {
            await Task.Delay(1000);
            var run = await service.DockerAsync("run", "--rm", "--network", "none", "--name", "apiimg-stream", ModpodFixture.Busybox, "true");
            Assert.True(run.ExitCode == 0, run.ToString());
            for (var i = 0; i < 100 && !lines.Any(l => l.StartsWith("container remove", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(100);
            }

            Assert.Contains("container start apiimg-stream start", lines);
            Assert.Contains(lines, l => l.StartsWith("container remove apiimg-stream", StringComparison.Ordinal));
        }
        finally
        {
            // CliWrap's graceful cancellation sends SIGINT to exactly that docker process.
            await stop.CancelAsync();
            try
            {
                await events;
            }
            catch (OperationCanceledException)
            {
                // Expected: the stream only ends when told to.
            }
        }
    }
}
