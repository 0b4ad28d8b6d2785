using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester findings 2, 8, 9, 16 and 20: explicit security options survive
/// --privileged, unmask takes globs, proc-opts reach /proc, and bad values fail with
/// Podman's texts before anything is created.
/// </summary>
[Collection(Collections.Containers)]
public sealed class SecurityFindingTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Privileged_keeps_a_seccomp_profile_given_by_path()
    {
        var profile = await DenyMkdirProfileAsync();

        var result = await RunAsync("--privileged", "--security-opt", $"seccomp={profile}",
            "sh", "-c", "grep Seccomp: /proc/self/status; mkdir /tmp/d; echo status=$?");

        ModpodAssert.Exit(0, result);
        Assert.Contains("status=1", result.Lines);
        Assert.Matches(@"^Seccomp:\s+2$", result.Lines[0]);
    }

    [Fact]
    public async Task Privileged_keeps_no_new_privileges_and_masks_given()
    {
        var result = await RunAsync("--privileged", "--security-opt", "no-new-privileges=true",
            "--security-opt", "mask=/etc/hostname", "sh", "-c",
            "grep NoNewPrivs: /proc/self/status; cat /etc/hostname | wc -c");

        ModpodAssert.Exit(0, result);
        Assert.Matches(@"^NoNewPrivs:\s+1$", result.Lines[0]);
        Assert.Equal("0", result.Lines[1]);
    }

    [Fact]
    public async Task Unmask_takes_a_glob_as_podman_does()
    {
        var masked = await RunAsync("sh", "-c", "grep -c ' /proc/keys ' /proc/self/mountinfo");
        var unmasked = await RunAsync("--security-opt", "unmask=/proc/*", "sh", "-c",
            "grep -c ' /proc/keys ' /proc/self/mountinfo");
        var all = await RunAsync("--security-opt", "unmask=all", "sh", "-c",
            "grep -c ' /proc/keys ' /proc/self/mountinfo");

        Assert.Equal("1", masked.Output);
        Assert.Equal("0", unmasked.Output);
        Assert.Equal("0", all.Output);
    }

    [Fact]
    public async Task Proc_opts_are_the_options_of_the_proc_mount()
    {
        var result = await RunAsync("--security-opt", "proc-opts=hidepid=2", "sh", "-c",
            "grep '^proc /proc ' /proc/mounts");

        ModpodAssert.Exit(0, result);
        Assert.Contains("hidepid=", result.Output);
    }

    // This host runs without AppArmor, as the machine facts say.
    [Theory]
    [InlineData("apparmor=myprofile",
        "Error: apparmor profile \"myprofile\" specified, but Apparmor is not enabled on this system")]
    [InlineData("seccomp=/tmp",
        "Error: opening seccomp profile failed: read /tmp: is a directory")]
    public async Task A_bad_security_option_fails_with_podmans_text_and_creates_nothing(
        string option,
        string message)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync("create", "--network", "none", "--security-opt", option, image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
        Assert.Equal(before.Output, (await modpod.RunAsync("ps", "-a", "-q", "--no-trunc")).Output);
    }

    [Fact]
    public async Task An_empty_seccomp_value_is_the_default_profile_and_label_is_ignored()
    {
        var result = await RunAsync("--security-opt", "seccomp=", "--security-opt", "label=disable",
            "grep", "Seccomp:", "/proc/self/status");

        ModpodAssert.Exit(0, result);
        Assert.Matches(@"^Seccomp:\s+2$", result.Output);
    }

    private async Task<ModpodResult> RunAsync(params string[] args)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var flags = args.TakeWhile(a => a.StartsWith('-') || a.Contains('=')).ToArray();
        return await modpod.RunAsync(["run", "--rm", "--network", "none", .. flags, image, .. args[flags.Length..]]);
    }

    private async Task<string> DenyMkdirProfileAsync()
    {
        var profile = Path.Combine(modpod.Directory, "findings-deny-mkdir.json");
        await File.WriteAllTextAsync(profile, """
            {"defaultAction": "SCMP_ACT_ALLOW",
             "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}
            """);
        return profile;
    }
}
