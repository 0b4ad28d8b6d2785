using Modular.Api.Tests.Libpod;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// The done-when line: `modpod --url ssh://root@127.0.0.1:PORT/SOCKET --identity KEY`
/// runs, lists and removes a container, through the test's own sshd.
/// </summary>
public sealed class ModpodSshTests(LibpodServiceFixture service, SshdFixture sshd)
    : IClassFixture<LibpodServiceFixture>, IClassFixture<SshdFixture>
{
    [Fact]
    public async Task Run_ps_and_rm_work_over_ssh()
    {
        Assert.True(SshdFixture.Available, "openssh-server is not installed (scripts/setup installs it)");

        var run = await SshAsync(
            "run", "-d", "--name", "over-ssh", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        var ps = await SshAsync("ps", "--format", "{{.Names}} {{.State}}");
        var rm = await SshAsync("rm", "-f", "-t", "0", "over-ssh");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(ps.ExitCode == 0, ps.ToString());
        Assert.Contains("over-ssh running", ps.StandardOutput);
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.False(await service.Store.ContainerExistsAsync("over-ssh"));
    }

    [Fact]
    public async Task A_host_key_other_than_the_known_one_is_refused()
    {
        var knownHosts = Path.Combine(sshd.Home, ".ssh", "known_hosts");
        var saved = await File.ReadAllTextAsync(knownHosts);
        var fields = saved.Split(' ');
        await File.WriteAllTextAsync(
            knownHosts,
            $"{fields[0]} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd0ZXN0a2V5dGhhdGlzbm90dGhlcmVhbG9uZTAw\n");
        try
        {
            var result = await SshAsync("ps");

            Assert.Equal(125, result.ExitCode);
            Assert.StartsWith("Error: ", result.StandardError);
        }
        finally
        {
            await File.WriteAllTextAsync(knownHosts, saved);
        }
    }

    private Task<ModpodResult> SshAsync(params string[] args) =>
        service.Store.RunAsync(
            ["--url", $"ssh://root@127.0.0.1:{sshd.Port}{service.Socket}", "--identity", sshd.ClientKey, .. args],
            new Dictionary<string, string?>
            {
                ["HOME"] = sshd.Home,
                ["PODMAN_CONNECTIONS_CONF"] = Path.Combine(sshd.Home, "podman-connections.json"),
                ["CONTAINER_HOST"] = null,
                ["CONTAINER_CONNECTION"] = null,
            });
}
