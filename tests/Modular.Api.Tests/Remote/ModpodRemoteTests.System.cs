using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>secret, run --secret, system df and system prune through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Secret_create_ls_inspect_and_rm_match_the_local_commands()
    {
        var file = Path.Combine(Store.Directory, "remote-secret.txt");
        await File.WriteAllTextAsync(file, "remote-pw");

        var create = await RemoteAsync("secret", "create", "--label", "k=v", "remote-secret", file);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Equal(25, create.Output.Length);
        await AssertSameAsync("secret", "ls", "--format", "table {{.ID}}\t{{.Name}}\t{{.Driver}}");
        await AssertSameAsync("secret", "inspect", "remote-secret");
        await AssertSameAsync("secret", "inspect", "--format", "{{.ID}} {{.Spec.Name}} {{.Spec.Labels}}", "remote-secret");
        await AssertSameAsync("secret", "inspect", "--showsecret", "--format", "{{.SecretData}}", "remote-secret");
        Assert.Equal(0, (await RemoteAsync("secret", "exists", "remote-secret")).ExitCode);
        Assert.Equal(1, (await RemoteAsync("secret", "exists", "no-such-remote-secret")).ExitCode);
        var taken = await RemoteAsync("secret", "create", "remote-secret", file);
        Assert.Equal((125, "Error: remote-secret: secret name in use"), (taken.ExitCode, taken.StandardError.Trim()));

        var rm = await RemoteAsync("secret", "rm", "remote-secret");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal(create.Output, rm.Output);
        Assert.Equal("", (await Store.RunAsync("secret", "ls", "-q")).Output);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("rm")]
    public async Task A_missing_secret_is_reported_as_locally(string verb)
    {
        var local = await Store.RunAsync("secret", verb, "no-such-remote-secret");
        var remote = await RemoteAsync("secret", verb, "no-such-remote-secret");

        Assert.Equal(125, remote.ExitCode);
        Assert.Equal((local.ExitCode, local.StandardOutput, local.StandardError),
            (remote.ExitCode, remote.StandardOutput, remote.StandardError));
    }

    [Fact]
    public async Task Run_with_secrets_sees_the_file_and_the_variable_but_inspect_does_not()
    {
        var file = Path.Combine(Store.Directory, "remote-run-secret.txt");
        await File.WriteAllTextAsync(file, "s3cr3t-remote");
        await Store.RunAsync("secret", "create", "remote-run-secret", file);

        var run = await RemoteAsync(
            "run", "--name", "remote-secret-user", "--network", "none",
            "--secret", "remote-run-secret", "--secret", "remote-run-secret,type=env,target=PW",
            ModpodFixture.Busybox, "sh", "-c", "cat /run/secrets/remote-run-secret; echo; echo $PW");
        var inspect = await RemoteAsync("inspect", "remote-secret-user");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("s3cr3t-remote\ns3cr3t-remote", run.Output);
        Assert.Contains("\"Secrets\"", inspect.Output);
        Assert.DoesNotContain("s3cr3t-remote", inspect.Output);
        await Store.RunAsync("rm", "remote-secret-user");
        await Store.RunAsync("secret", "rm", "remote-run-secret");
    }

    [Fact]
    public async Task System_df_matches_the_local_command()
    {
        await AssertSameAsync("system", "df");
        await AssertSameAsync("system", "df", "--format", "json");
        await AssertSameAsync("system", "df", "--format", "{{.Type}} {{.Total}} {{.Active}} {{.RawSize}}");
        var both = await RemoteAsync("system", "df", "-v", "--format", "json");
        Assert.Equal((125, "Error: cannot combine --format and --verbose flags"), (both.ExitCode, both.StandardError.Trim()));
    }

    [Fact]
    public async Task System_prune_removes_a_stopped_container_and_prints_podmans_sections()
    {
        var id = (await Store.RunAsync("create", "--name", "remote-prune-me", "--network", "none", ModpodFixture.Busybox)).Output;

        var prune = await RemoteAsync("system", "prune", "-f");

        Assert.True(prune.ExitCode == 0, prune.ToString());
        var lines = prune.Lines.ToList();
        Assert.Equal("Deleted Containers", lines[0]);
        Assert.Contains(id, lines);
        Assert.StartsWith("Total reclaimed space: ", lines[^1]);
        Assert.False(await Store.ContainerExistsAsync("remote-prune-me"));
        Assert.Equal(0, (await Store.RunAsync("image", "exists", ModpodFixture.Busybox)).ExitCode);
    }

    [Fact]
    public async Task System_prune_with_a_bad_filter_fails_as_locally()
    {
        var local = await Store.RunAsync("system", "prune", "-f", "--filter", "bogus=1");
        var remote = await RemoteAsync("system", "prune", "-f", "--filter", "bogus=1");

        Assert.Equal(125, local.ExitCode);
        Assert.Equal((local.ExitCode, local.StandardError), (remote.ExitCode, remote.StandardError));
    }
}
