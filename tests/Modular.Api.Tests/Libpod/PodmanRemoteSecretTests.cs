using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>`podman --remote` 4.3.1 drives modpod's /libpod/secrets and /libpod/system/df routes.</summary>
public sealed class PodmanRemoteSecretTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task Secret_create_ls_inspect_run_and_rm()
    {
        var file = Path.Combine(Store.Directory, "podman-secret.txt");
        await File.WriteAllTextAsync(file, "from-podman");

        var create = await service.PodmanAsync("secret", "create", "podman-secret", file);
        var ls = await service.PodmanAsync("secret", "ls", "--format", "{{.ID}} {{.Name}} {{.Driver}}");
        var inspect = await service.PodmanAsync("secret", "inspect", "--format", "{{.ID}} {{.Spec.Name}}", "podman-secret");
        var run = await service.PodmanAsync(
            "run", "--rm", "--network", "none", "--secret", "podman-secret", ModpodFixture.Busybox,
            "cat", "/run/secrets/podman-secret");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Equal($"{create.Output} podman-secret file", ls.Output);
        Assert.Equal($"{create.Output} podman-secret", inspect.Output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("from-podman", run.Output);
        Assert.Equal(create.Output, (await service.PodmanAsync("secret", "rm", "podman-secret")).Output);
        Assert.Equal("", (await Store.RunAsync("secret", "ls", "-q")).Output);
    }

    [Fact]
    public async Task System_df_matches_the_local_command()
    {
        var theirs = await service.PodmanAsync("system", "df");
        var ours = await Store.RunAsync("system", "df");

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Equal(ours.StandardOutput, theirs.StandardOutput);
    }
}
