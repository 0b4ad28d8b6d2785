using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>docker exec through /containers/{id}/exec and the hijacked /exec/{id}/start.</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerExecTests(DockerServiceFixture service)
{
    [Fact]
    public async Task ExecPrintsOutputPassesStdinAndReturnsTheExitCode()
    {
        var run = await service.DockerAsync(
            "run", "-d", "--network", "none", "--name", "apid-exec", ModpodFixture.Busybox, "sleep", "300");
        Assert.True(run.ExitCode == 0, run.StandardError);
        try
        {
            var echo = await service.DockerAsync("exec", "apid-exec", "echo", "from-exec");
            Assert.Equal("from-exec\n", echo.StandardOutput);

            var code = await service.DockerAsync("exec", "apid-exec", "sh", "-c", "exit 7");
            Assert.Equal(7, code.ExitCode);

            var cat = await service.DockerWithInputAsync("line\n", "exec", "-i", "apid-exec", "cat");
            Assert.Equal("line\n", cat.StandardOutput);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "-t", "0", "apid-exec");
        }
    }
}
