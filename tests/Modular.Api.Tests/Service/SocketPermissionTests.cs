using CliWrap;
using CliWrap.Buffered;
using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>
/// The service's unix socket is root's alone (mode 0660): a non-root user is refused by the
/// socket itself, in a directory everybody may enter (Issue #10).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class SocketPermissionTests(DockerServiceFixture service)
{
    [Fact]
    public async Task ANonRootUserCannotConnectToTheSocket()
    {
        var directory = Directory.CreateTempSubdirectory("modular-sock-");
        directory.UnixFileMode = (UnixFileMode)0b111_101_101;
        var socket = Path.Combine(directory.FullName, "api.sock");
        var (pid, completion) = service.Modpod.Start("system", "service", "-t", "0", "unix://" + socket);
        try
        {
            for (var i = 0; i < 150 && !File.Exists(socket); i++)
            {
                await Task.Delay(100);
            }

            var mode = File.GetUnixFileMode(socket);
            var asRoot = await CurlAsync([], socket);
            string[] nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"];
            var asNobody = await CurlAsync(nobody, socket);
            // The user reaches the socket's directory: the refusal is the socket's mode.
            var seen = await Cli.Wrap("setpriv").WithArguments([.. nobody, "test", "-S", socket])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

            Assert.Equal((UnixFileMode)0b110_110_000, mode);
            Assert.Equal(0, asRoot.ExitCode);
            Assert.Equal("OK", asRoot.StandardOutput);
            Assert.Equal(0, seen.ExitCode);
            Assert.Equal(7, asNobody.ExitCode);
            Assert.Contains("Couldn't connect", asNobody.StandardError);
        }
        finally
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }

            await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(10)));
            directory.Delete(recursive: true);
        }
    }

    // curl as root, or through setpriv as another user when flags are given.
    private static async Task<BufferedCommandResult> CurlAsync(string[] setpriv, string socket)
    {
        string[] curl = ["curl", "-sS", "--unix-socket", socket, "http://d/_ping"];
        var command = setpriv.Length == 0
            ? Cli.Wrap(curl[0]).WithArguments(curl[1..])
            : Cli.Wrap("setpriv").WithArguments([.. setpriv, .. curl]);
        return await command.WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
    }
}
