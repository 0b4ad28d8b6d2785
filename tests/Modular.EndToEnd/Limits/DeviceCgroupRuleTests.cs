using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// <c>--device-cgroup-rule</c>: a bad rule is refused with Podman's words (exit 125) and
/// nothing is created; a good one is an allow rule of the devices cgroup. The node is made
/// inside with mknod (CAP_MKNOD added; both runtimes allow mknod of any node) and opened:
/// loop0 (b 7:0) is in neither runtime's default list, so only the rule lets it open.
/// </summary>
[Collection(Collections.Containers)]
public sealed class DeviceCgroupRuleTests(ModpodFixture modpod)
{
    private const string OpenLoop = "mknod /tmp/loop b 7 0 && : < /tmp/loop && echo opened";

    public static TheoryData<string, string> BadRules => new()
    {
        { "x 7:0 rm", "Error: invalid device type in device-access-add: x" },
        { "b 7:0 rz", "Error: invalid device access in device-access-add: z" },
        { "b a:0 rm", "Error: strconv.ParseUint: parsing \"a\": invalid syntax" },
        { "b 7:0", "Error: invalid device cgroup rule requires type, major:Minor, and access rules: \"b 7:0\"" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task A_bad_rule_is_refused_naming_it(string rule, string error)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count;

        var result = await modpod.RunAsync("create", "--device-cgroup-rule", rule, image, "true");

        ModpodAssert.Exit(125, result);
        Assert.Equal(error, Assert.Single(result.ErrorLines));
        Assert.Equal(before, (await modpod.RunAsync("ps", "-a", "-q")).Lines.Count);
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task The_rule_decides_whether_a_device_node_made_inside_opens(string runtime)
    {
        var denied = await RunAsync(runtime, []);
        var allowed = await RunAsync(runtime, ["--device-cgroup-rule", "b 7:0 rm"]);
        var anyMinor = await RunAsync(runtime, ["--device-cgroup-rule", "b 7:* r"]);
        var mknodOnly = await RunAsync(runtime, ["--device-cgroup-rule", "b 7:0 m"]);

        ModpodAssert.Exit(1, denied);
        Assert.Contains("Operation not permitted", denied.StandardError);
        ModpodAssert.Exit(0, allowed);
        Assert.Equal("opened", allowed.Output);
        ModpodAssert.Exit(0, anyMinor);
        ModpodAssert.Exit(1, mknodOnly);
        Assert.Contains("Operation not permitted", mknodOnly.StandardError);
    }

    private async Task<ModpodResult> RunAsync(string runtime, string[] flags)
    {
        var image = await modpod.EnsureBusyboxAsync();
        return await modpod.RunAsync(["--runtime", runtime, "run", "--rm", "--network", "none",
            "--cap-add", "MKNOD", .. flags, image, "sh", "-c", OpenLoop]);
    }
}
