using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>Issue #6 "Done when": capabilities and seccomp, read from inside the container.</summary>
[Collection(Collections.Containers)]
public sealed class CapabilityAndSeccompTests(ModpodFixture modpod)
{
    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task By_default_a_container_holds_containers_commons_eleven_capabilities(string runtime)
    {
        var status = await StatusAsync(runtime);

        Assert.Equal("00000000800405fb", status["CapEff"]);
        Assert.Equal("00000000800405fb", status["CapBnd"]);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Cap_drop_all_leaves_no_capability(string runtime) =>
        Assert.Equal("0000000000000000", (await StatusAsync(runtime, "--cap-drop", "ALL"))["CapEff"]);

    [Fact]
    public async Task Cap_add_accepts_names_without_prefix_in_any_case()
    {
        var status = await StatusAsync("crun", "--cap-drop", "all", "--cap-add", "net_raw", "--cap-add", "CAP_KILL");

        Assert.Equal("0000000000002020", status["CapEff"]);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Privileged_gets_the_callers_own_bounding_set_and_no_seccomp(string runtime)
    {
        var own = File.ReadLines("/proc/self/status").First(l => l.StartsWith("CapBnd:", StringComparison.Ordinal));

        var status = await StatusAsync(runtime, "--privileged");

        Assert.Equal(own["CapBnd:".Length..].Trim(), status["CapEff"]);
        Assert.Equal("0", status["Seccomp"]);

        // Podman 5 takes the bounding set as is under --privileged: a drop is not merged in.
        var dropped = await StatusAsync(runtime, "--privileged", "--cap-drop", "ALL");
        Assert.Equal(own["CapBnd:".Length..].Trim(), dropped["CapEff"]);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task The_default_seccomp_filter_is_on_and_unconfined_turns_it_off(string runtime)
    {
        Assert.Equal("2", (await StatusAsync(runtime))["Seccomp"]);
        Assert.Equal("0", (await StatusAsync(runtime, "--security-opt", "seccomp=unconfined"))["Seccomp"]);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task A_profile_given_by_path_is_the_filter_applied(string runtime)
    {
        var profile = Path.Combine(modpod.Directory, $"deny-mkdir-{runtime}.json");
        await File.WriteAllTextAsync(profile, """
            {"defaultAction": "SCMP_ACT_ALLOW",
             "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}
            """);
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync("--runtime", runtime, "run", "--rm", "--security-opt",
            $"seccomp={profile}", image, "sh", "-c", "mkdir /tmp/d; echo status=$?");

        ModpodAssert.Exit(0, result);
        Assert.Equal("status=1", result.Output);
        Assert.Contains("Operation not permitted", result.StandardError);
    }

    [Fact]
    public async Task No_new_privileges_sets_the_flag()
    {
        var status = await StatusAsync("crun", "--security-opt", "no-new-privileges");

        Assert.Equal("1", status["NoNewPrivs"]);
    }

    [Fact]
    public async Task An_unknown_capability_fails_with_podmans_error_and_creates_nothing()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync("run", "--rm", "--cap-add", "foo", image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal("Error: \"CAP_FOO\": unknown capability", Assert.Single(result.ErrorLines));
        Assert.Equal(before.Output, (await modpod.RunAsync("ps", "-a", "-q", "--no-trunc")).Output);
    }

    [Fact]
    public async Task A_missing_seccomp_profile_fails_at_create()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync("create", "--security-opt", "seccomp=/no/such.json", image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal(
            "Error: opening seccomp profile failed: open /no/such.json: no such file or directory",
            Assert.Single(result.ErrorLines));
    }

    private async Task<Dictionary<string, string>> StatusAsync(string runtime, params string[] flags)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var result = await modpod.RunAsync(
            ["--runtime", runtime, "run", "--rm", .. flags, image, "cat", "/proc/self/status"]);
        ModpodAssert.Exit(0, result);
        return result.Lines
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
    }
}
