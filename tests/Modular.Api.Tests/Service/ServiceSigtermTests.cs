using CliWrap;
using CliWrap.Buffered;
using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>
/// `system service` stops cleanly on SIGTERM, as on SIGINT: that is how systemd and
/// `kill` stop a service (Issue #10).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class ServiceSigtermTests(DockerServiceFixture service)
{
    [Fact]
    public async Task SigtermStopsTheServiceAndRemovesItsSocket()
    {
        var directory = Directory.CreateTempSubdirectory("modular-term-");
        var socket = Path.Combine(directory.FullName, "api.sock");
        var (pid, completion) = service.Modpod.Start("system", "service", "-t", "0", "unix://" + socket);
        try
        {
            for (var i = 0; i < 300 && !File.Exists(socket); i++)
            {
                await Task.Delay(100);
            }

            Assert.True(File.Exists(socket), "the service did not bind its socket");
            var kill = await Cli.Wrap("kill").WithArguments(["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            Assert.Equal(0, kill.ExitCode);

            var ended = await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.Same(completion, ended);
            Assert.True(!File.Exists(socket), (await completion).ToString());
        }
        finally
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }

            await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(10)));
            directory.Delete(recursive: true);
        }
    }
}
