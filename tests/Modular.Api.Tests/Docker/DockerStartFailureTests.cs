using System.Diagnostics;
using System.Net;
using Modular.Api.Tests.Service;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// A start the runtime refuses answers at once with its error, ends the attached
/// `docker run` with the exit code Docker's CLI derives from its text, and stays in inspect.
/// </summary>
public sealed class DockerStartFailureTests(DockerServiceFixture service) : IClassFixture<DockerServiceFixture>
{
    [Fact]
    public async Task Docker_run_of_a_missing_command_fails_at_once_with_127_and_keeps_the_error()
    {
        using var http = UnixSocketHttp.Create(service.Socket);
        try
        {
            var watch = Stopwatch.StartNew();
            var run = await service.DockerAsync(
                "run", "--network", "none", "--name", "nx5", ModpodFixture.Busybox, "/nonexistent");
            var runTook = watch.Elapsed;
            var removed = await service.DockerAsync(
                "run", "--rm", "--network", "none", ModpodFixture.Busybox, "/nonexistent");
            watch.Restart();
            using var start = await http.PostAsync("/v1.41/containers/nx5/start", null);
            var startTook = watch.Elapsed;
            var body = await start.Content.ReadAsStringAsync();
            var inspect = await service.DockerAsync(
                "inspect", "nx5", "--format", "{{.State.Status}}|{{.State.Error}}");

            Assert.True(run.ExitCode == CliExit(run.StandardError), $"{run.ExitCode}: {run.StandardError}");
            Assert.Contains("/nonexistent", run.StandardError);
            Assert.True(runTook < TimeSpan.FromSeconds(8), $"docker run took {runTook}");
            Assert.Equal(CliExit(removed.StandardError), removed.ExitCode);
            Assert.Contains("/nonexistent", removed.StandardError);
            Assert.Equal(HttpStatusCode.InternalServerError, start.StatusCode);
            Assert.Contains("/nonexistent", body);
            Assert.True(startTook < TimeSpan.FromSeconds(8), $"start took {startTook}");
            Assert.StartsWith("created|", inspect.StandardOutput);
            Assert.Contains("/nonexistent", inspect.StandardOutput);
        }
        finally
        {
            await service.Modpod.RunAsync("rm", "-f", "nx5");
        }
    }

    /// <summary>
    /// Docker's CLI derives run's exit from the daemon's text: 127 for runc's "no such file or
    /// directory", 125 for crun's wording (as against Podman, which sends the runtime's text too).
    /// </summary>
    private static int CliExit(string stderr) =>
        stderr.Contains("executable file not found", StringComparison.Ordinal)
        || stderr.Contains("no such file or directory", StringComparison.Ordinal) ? 127 : 125;

    [Fact]
    public async Task A_second_service_on_a_live_socket_fails_and_leaves_the_first_serving()
    {
        // -t 1: should the refusal regress, the second service still ends on its own.
        var second = await service.Modpod.RunAsync("system", "service", "-t", "1", "unix://" + service.Socket);
        using var http = UnixSocketHttp.Create(service.Socket);

        Assert.Equal(125, second.ExitCode);
        Assert.Equal(
            $"Error: unable to create socket: listen unix {service.Socket}: bind: address already in use\n",
            second.StandardError);
        Assert.Equal("OK", await http.GetStringAsync("/_ping"));
    }
}
