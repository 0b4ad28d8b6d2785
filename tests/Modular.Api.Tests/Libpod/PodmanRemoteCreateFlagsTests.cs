using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote create` 4.3.1 sends its SpecGenerator keys (resource_limits, cap_drop,
/// read_only_filesystem, env, r_limits) to modpod's service; the container modpod makes
/// inspects locally with the limits asked for.
/// </summary>
public sealed class PodmanRemoteCreateFlagsTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task CreateFlagsFromPodmansClientReachTheContainer()
    {
        var create = await service.PodmanAsync(
            "create", "--name", "podman-flags", "--network", "none", "--memory", "64m", "--cap-drop", "CHOWN",
            "--read-only", "--env", "FROM_PODMAN=1", "--ulimit", "nofile=1024:2048", ModpodFixture.Busybox, "true");
        try
        {
            Assert.True(create.ExitCode == 0, create.ToString());

            var inspect = await Store.RunAsync(
                "inspect", "--format",
                "{{.HostConfig.Memory}} {{.HostConfig.CapDrop}} {{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Ulimits}}",
                "podman-flags");
            var env = await Store.RunAsync("inspect", "--format", "{{json .Config.Env}}", "podman-flags");

            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            Assert.StartsWith("67108864 [CAP_CHOWN] true ", inspect.Output);
            Assert.Contains("\"Name\":\"RLIMIT_NOFILE\",\"Soft\":1024,\"Hard\":2048", inspect.Output);
            Assert.Contains("FROM_PODMAN=1", env.Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "podman-flags");
        }
    }

    [Fact]
    public async Task MoreFlagsFromPodmansClientInspectAsLocalModpod()
    {
        string[] flags =
        [
            "--network", "none", "--cpus", "1.5", "--pids-limit", "100", "--stop-signal", "SIGUSR1",
            "--security-opt", "no-new-privileges", "--shm-size", "32m", "--cap-add", "NET_ADMIN",
            "--pid", "host", "--sysctl", "net.ipv4.ip_forward=1", "--umask", "0027",
        ];
        var format = "{{.HostConfig.NanoCpus}} {{.HostConfig.CpuQuota}} {{.HostConfig.PidsLimit}} "
            + "{{.Config.StopSignal}} {{.HostConfig.SecurityOpt}} {{.HostConfig.ShmSize}} "
            + "{{.HostConfig.CapAdd}} {{.HostConfig.PidMode}} {{.Config.Umask}}";
        try
        {
            var remote = await service.PodmanAsync(["create", "--name", "podman-more", .. flags, ModpodFixture.Busybox, "true"]);
            var local = await Store.RunAsync(["create", "--name", "local-more", .. flags, ModpodFixture.Busybox, "true"]);
            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.True(local.ExitCode == 0, local.ToString());

            Assert.Equal(
                (await Store.RunAsync("inspect", "--format", format, "local-more")).Output,
                (await Store.RunAsync("inspect", "--format", format, "podman-more")).Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "podman-more", "local-more");
        }
    }
}
