using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>
/// Bad security flags fail with the Podman witness's exact error line. Both create from an
/// empty --rootfs directory: every refusal here comes before anything would run.
/// </summary>
[Collection(Collections.Containers)]
public sealed class SecurityWitnessTests(ModpodFixture modpod, WitnessFixture witness)
    : IClassFixture<WitnessFixture>
{
    public static TheoryData<string[]> BadFlags => new()
    {
        new[] { "--cap-add", "foo" },
        new[] { "--cap-add", "all", "--cap-drop", "all" },
        new[] { "--cap-add", "kill", "--cap-drop", "KILL" },
        new[] { "--security-opt", "bogus" },
        new[] { "--security-opt", "foo=bar" },
        new[] { "--security-opt", "systempaths=x" },
        new[] { "--security-opt", "seccomp=/no/such/profile.json" },
        new[] { "--sysctl", "kernel.hostname=x" },
        new[] { "--sysctl", "net.ipv4.ip_forward=1", "--network", "host" },
        new[] { "--ipc", "bogus" },
        new[] { "--pid", "bogus" },
        new[] { "--ulimit", "nofile=700:600" },
        new[] { "--device", "/dev/no-such-device" },
        new[] { "--device", "/etc/passwd" },
        new[] { "--group-add", "keep-groups", "--group-add", "10" },
        new[] { "--shm-size", "bogus" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task A_bad_security_flag_fails_with_podmans_error(string[] flags)
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(modpod.Directory, "empty-rootfs")).FullName;
        var podman = await witness.PodmanAsync(["create", .. flags, "--rootfs", rootfs, "true"]);
        var ours = await modpod.RunAsync(["create", .. flags, "--rootfs", rootfs, "true"]);

        ModpodAssert.Exit(125, ours);
        Assert.Equal(125, podman.ExitCode);
        Assert.Equal(podman.ErrorLines[^1], Assert.Single(ours.ErrorLines));
    }
}
