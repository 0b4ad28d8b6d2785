using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>run's exit status under both runtimes, whose error texts differ.</summary>
[Collection(Collections.Containers)]
public sealed class ExitCodeTests(ModpodFixture modpod)
{
    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Run_exits_0_when_the_command_succeeds(string runtime)
    {
        var result = await RunAsync(runtime, "echo", "ran");

        ModpodAssert.Exit(0, result);
        Assert.Equal("ran", result.Output);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Run_exits_with_the_container_code(string runtime)
    {
        var result = await RunAsync(runtime, "sh", "-c", "exit 3");

        ModpodAssert.Exit(3, result);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Run_with_an_unknown_flag_exits_125(string runtime)
    {
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync("--runtime", runtime, "run", "--rm", "--no-such-flag", image, "true");

        ModpodAssert.Exit(125, result);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("-x")]
    [InlineData("a/b")]
    public async Task Run_with_a_name_podman_would_refuse_exits_125_naming_it_and_creates_nothing(string name)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        var result = await modpod.RunAsync("run", "--rm", "--name", name, image, "true");
        var after = await modpod.RunAsync("ps", "-a", "-q", "--no-trunc");

        ModpodAssert.Exit(125, result);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(name, line);
        Assert.Contains("names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*", line);
        Assert.Equal(before.Output, after.Output);
    }

    [Fact]
    public async Task Run_with_the_passthrough_log_driver_writes_straight_to_our_output()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync(
            "run", "--rm", "--log-driver", "passthrough", image, "sh", "-c", "echo out; echo err >&2; exit 4");

        ModpodAssert.Exit(4, result);
        Assert.Equal("out", result.Output);
        Assert.Contains("err", result.ErrorLines);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Run_of_a_directory_exits_126(string runtime)
    {
        var result = await RunAsync(runtime, "/etc");

        // crun's message ("open executable: Permission denied") does not name the path.
        ModpodAssert.Exit(126, result);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task Run_of_a_missing_command_exits_127_and_names_it(string runtime)
    {
        var result = await RunAsync(runtime, "/no/such/command");

        ModpodAssert.Exit(127, result);
        Assert.Contains("/no/such/command", result.StandardError);
    }

    private async Task<ModpodResult> RunAsync(string runtime, params string[] command)
    {
        var image = await modpod.EnsureBusyboxAsync();
        return await modpod.RunAsync(["--runtime", runtime, "run", "--rm", image, .. command], null);
    }
}
