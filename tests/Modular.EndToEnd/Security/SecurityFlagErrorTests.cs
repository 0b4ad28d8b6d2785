using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>
/// Issue 6 defects: bad security flags fail with Podman's one-line texts, exit 125, and
/// create nothing.
/// </summary>
[Collection(Collections.Containers)]
public sealed class SecurityFlagErrorTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Init_with_the_hosts_pid_namespace_is_refused()
    {
        var result = await RunRefusedAsync("--init", "--pid", "host");

        Assert.Equal("Error: cannot add init binary as PID 1 (PID namespace isn't private)",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_relative_device_path_fails_on_stat_not_as_a_bad_mode()
    {
        var result = await RunRefusedAsync("--device", "sec-no-such-relative");

        Assert.Equal("Error: stat sec-no-such-relative: no such file or directory", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_bad_device_mode_is_still_named()
    {
        var result = await RunRefusedAsync("--device", "/dev/null:/dev/x:rwx");

        Assert.Equal("Error: invalid device mode: rwx", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_seccomp_profile_with_invalid_json_names_the_file_and_the_fault()
    {
        var profile = Path.Combine(modpod.Directory, "sec-bad-seccomp.json");
        await File.WriteAllTextAsync(profile, "{bad}");

        var result = await RunRefusedAsync("--security-opt", $"seccomp={profile}");

        Assert.Equal(
            $"Error: loading seccomp profile ({profile}) failed: decoding seccomp profile failed: "
            + "invalid character 'b' looking for beginning of object key string",
            Assert.Single(result.ErrorLines));
    }

    private async Task<ModpodResult> RunRefusedAsync(params string[] flags)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync(["run", "--rm", "--network", "none", .. flags, image, "true"]);

        ModpodAssert.Exit(125, result);
        Assert.Equal(before.Output, (await modpod.RunAsync("ps", "-a", "-q", "--no-trunc")).Output);
        return result;
    }
}
