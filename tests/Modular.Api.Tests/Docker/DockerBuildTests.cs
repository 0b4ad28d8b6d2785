using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// DOCKER_BUILDKIT=0 docker build through POST /build (Issue #10): docker 28 has no
/// buildx plugin here, so the legacy builder's API is the one it speaks.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerBuildTests(DockerServiceFixture service)
{
    [Fact]
    public async Task LegacyBuildStreamsStepsAndTagsTheImage()
    {
        var context = NewContext("""
            FROM localhost/busybox:latest
            ARG GREETING=none
            COPY file.txt /file.txt
            RUN echo "built $GREETING" > /built
            LABEL origin=apiimg
            """);
        try
        {
            var build = await BuildAsync(context, "-t", "apiimg-built:1", "--build-arg", "GREETING=hello", ".");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Matches("Successfully built [0-9a-f]{12}", build.StandardOutput);
            Assert.Contains("Successfully tagged apiimg-built:1", build.StandardOutput);

            var run = await service.DockerAsync(
                "run", "--rm", "--network", "none", "apiimg-built:1", "cat", "/built", "/file.txt");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("built hello\nfrom the context\n", run.StandardOutput);
            var label = await service.DockerAsync("image", "inspect", "apiimg-built:1", "--format", "{{.Config.Labels.origin}}");
            Assert.Equal("apiimg", label.Output);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
            await service.DockerAsync("rmi", "-f", "apiimg-built:1");
        }
    }

    [Fact]
    public async Task FailingRunStepFailsTheBuildWithItsError()
    {
        var context = NewContext("FROM localhost/busybox:latest\nRUN echo before; exit 3\n");
        try
        {
            var build = await BuildAsync(context, "-t", "apiimg-broken:1", ".");
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("before", build.StandardOutput);
            Assert.Contains("exit status 3", build.StandardError);
            var images = await service.DockerAsync("images", "--format", "{{.Repository}}");
            Assert.DoesNotContain("localhost/apiimg-broken", images.Lines);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private string NewContext(string dockerfile)
    {
        var context = Path.Combine(service.Modpod.Directory, "build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(context, "file.txt"), "from the context\n");
        return context;
    }

    private async Task<ModpodResult> BuildAsync(string context, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await Cli.Wrap(DockerServiceFixture.DockerCli)
            .WithArguments(["build", .. args])
            .WithWorkingDirectory(context)
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "unix://" + service.Socket,
                ["DOCKER_CONFIG"] = Path.Combine(service.Modpod.Directory, "docker-config"),
                ["DOCKER_BUILDKIT"] = "0",
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
