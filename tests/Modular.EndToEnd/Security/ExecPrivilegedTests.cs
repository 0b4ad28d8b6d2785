using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>
/// exec --privileged, as Podman: every capability the caller holds, while seccomp stays the
/// container's (it belongs to the container, not to the exec'd process).
/// </summary>
[Collection(Collections.Containers)]
public sealed class ExecPrivilegedTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Exec_privileged_widens_capabilities_but_keeps_seccomp()
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--name", "exec-priv", "--network", "none",
            image, "sleep", "300"));
        try
        {
            var plain = await StatusAsync("exec", "exec-priv");
            var privileged = await StatusAsync("exec", "--privileged", "exec-priv");

            Assert.NotEqual(CallerBounding(), plain["CapBnd"]);
            Assert.Equal(CallerBounding(), privileged["CapBnd"]);
            Assert.Equal(CallerBounding(), privileged["CapEff"]);
            Assert.Equal("0000000000000000", privileged["CapInh"]);
            Assert.Equal("2", privileged["Seccomp"]);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "exec-priv");
        }
    }

    private async Task<Dictionary<string, string>> StatusAsync(params string[] exec)
    {
        var result = await modpod.RunAsync([.. exec, "cat", "/proc/self/status"]);
        ModpodAssert.Exit(0, result);
        return Parse(result.Lines);
    }

    private static string CallerBounding() => Parse(File.ReadLines("/proc/self/status").ToList())["CapBnd"];

    private static Dictionary<string, string> Parse(IEnumerable<string> lines) =>
        lines.Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
}
