using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// docker build with a Dockerfile from outside the context or from stdin, which the
/// docker CLI adds to the context's tar, and -q (Issue #10, tester's report).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerBuildFileTests(DockerServiceFixture service)
{
    private const string Dockerfile = "FROM localhost/busybox:latest\nRUN echo run-step-output\n";

    [Fact]
    public async Task Build_with_a_dockerfile_outside_the_context_succeeds()
    {
        var (context, other) = NewDirectories();
        await File.WriteAllTextAsync(Path.Combine(other, "Dockerfile"), Dockerfile);
        try
        {
            var build = await BuildAsync(context, null, "-t", "apibf-outside:1", "-f", "../other/Dockerfile", ".");

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("run-step-output", build.StandardOutput);
            Assert.Contains("Successfully tagged apibf-outside:1", build.StandardOutput);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(context)!, recursive: true);
            await service.DockerAsync("rmi", "-f", "apibf-outside:1");
        }
    }

    [Fact]
    public async Task Build_with_the_dockerfile_on_stdin_succeeds_and_quiet_prints_only_the_id()
    {
        var (context, _) = NewDirectories();
        try
        {
            var build = await BuildAsync(context, Dockerfile, "-q", "-t", "apibf-stdin:1", "-f", "-", ".");

            Assert.True(build.ExitCode == 0, build.ToString());
            // Podman's compat build answers q with the bare image ID as the one stream line
            // (test/apiv2 checks it), and the docker CLI prints that line as it is.
            Assert.Matches("^[0-9a-f]{64}$", build.Output);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(context)!, recursive: true);
            await service.DockerAsync("rmi", "-f", "apibf-stdin:1");
        }
    }

    private (string Context, string Other) NewDirectories()
    {
        var root = Path.Combine(service.Modpod.Directory, "buildfile-" + Guid.NewGuid().ToString("N"));
        var context = Path.Combine(root, "ctx");
        var other = Path.Combine(root, "other");
        Directory.CreateDirectory(context);
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(context, "file.txt"), "in the context\n");
        return (context, other);
    }

    private async Task<ModpodResult> BuildAsync(string context, string? stdin, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var command = Cli.Wrap(DockerServiceFixture.DockerCli)
            .WithArguments(["build", .. args])
            .WithWorkingDirectory(context)
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "unix://" + service.Socket,
                ["DOCKER_CONFIG"] = Path.Combine(service.Modpod.Directory, "docker-config"),
                ["DOCKER_BUILDKIT"] = "0",
            })
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }

        var result = await command.ExecuteBufferedAsync(timeout.Token);
        return new ModpodResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
