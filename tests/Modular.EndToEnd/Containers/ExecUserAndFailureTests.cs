using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// exec -u takes names from the container's passwd and group as run -u does; a command the
/// runtime cannot start is one Podman-worded line with 127 or 126.
/// </summary>
[Collection(Collections.Containers)]
public sealed class ExecUserAndFailureTests(ModpodFixture modpod)
{
    private const string NotFound = ": OCI runtime attempted to invoke a command that was not found";
    private const string Denied = ": OCI permission denied";

    [Fact]
    public async Task Exec_u_resolves_user_and_group_names_in_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "ex-user", "--network", "none", image, "sleep", "300");
        try
        {
            var name = await modpod.RunAsync("exec", "-u", "nobody", "ex-user", "id", "-u");
            var both = await modpod.RunAsync("exec", "-u", "nobody:root", "ex-user", "sh", "-c", "id -u; id -g");
            var mixed = await modpod.RunAsync("exec", "-u", "0:nobody", "ex-user", "id", "-g");
            var conmon = await modpod.RunWithInputAsync("", "exec", "-i", "-u", "nobody", "ex-user", "id", "-u");
            var unknown = await modpod.RunAsync("exec", "-u", "nosuchuser", "ex-user", "true");

            ModpodAssert.Exit(0, name);
            Assert.Equal("65534", name.Output);
            Assert.Equal(["65534", "0"], both.Lines);
            Assert.Equal("65534", mixed.Output);
            Assert.Equal("65534", conmon.Output);
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("unable to find user nosuchuser", unknown.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "ex-user");
        }
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Exec_runtime_failures_print_one_podman_line_and_keep_126_and_127(string runtime)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"ex-fail-{runtime}";
        await modpod.RunAsync(
            "run", "-d", "--runtime", runtime, "--name", name, "--network", "none", image, "sleep", "300");
        try
        {
            var missing = await modpod.RunAsync("exec", name, "/no/such/program");
            var denied = await modpod.RunAsync("exec", name, "/etc/passwd");
            var own = await modpod.RunAsync("exec", name, "sh", "-c", "echo mine >&2; exit 255");
            var viaConmon = await modpod.RunWithInputAsync("", "exec", "-i", name, "/no/such/program");

            Assert.True(missing.ExitCode == 127, missing.ToString());
            AssertOneErrorLine(missing, $"Error: {runtime}: ", NotFound);
            Assert.Equal(126, denied.ExitCode);
            AssertOneErrorLine(denied, $"Error: {runtime}: ", Denied);
            Assert.True(viaConmon.ExitCode == 127, viaConmon.ToString());
            AssertOneErrorLine(viaConmon, $"Error: {runtime}: ", NotFound);
            Assert.Equal(255, own.ExitCode);
            Assert.Equal("mine", own.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    private static void AssertOneErrorLine(ModpodResult result, string prefix, string suffix)
    {
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.EndsWith(suffix, line, StringComparison.Ordinal);
        Assert.DoesNotContain("time=", line, StringComparison.Ordinal);
        Assert.DoesNotContain("level=", line, StringComparison.Ordinal);
    }
}
