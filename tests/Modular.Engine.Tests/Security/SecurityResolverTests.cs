using Modular.Contracts.Errors;
using Modular.Engine.Security;
using Xunit;

namespace Modular.Engine.Tests.Security;

public sealed class SecurityResolverTests
{
    [Theory]
    [InlineData("bogus", "invalid --security-opt 1: \"bogus\"")]
    [InlineData("foo=bar", "invalid --security-opt 2: \"foo=bar\"")]
    [InlineData("systempaths=x", "invalid systempaths option \"x\", only `unconfined` is supported")]
    [InlineData("seccomp=/no/such/profile.json",
        "opening seccomp profile failed: open /no/such/profile.json: no such file or directory")]
    public void Bad_security_options_fail_with_podmans_text(string option, string message) =>
        Assert.Equal(message, Refused(new SecurityFlags { SecurityOpts = [option] }));

    [Theory]
    [InlineData("kernel.hostname=x", "sysctl 'kernel.hostname' is not allowed")]
    [InlineData("net.ipv4.ip_forward", "net.ipv4.ip_forward is invalid, sysctl values must be in the form of KEY=VALUE")]
    public void Sysctls_outside_a_namespace_are_refused(string sysctl, string message) =>
        Assert.Equal(message, Refused(new SecurityFlags { Sysctls = [sysctl] }));

    [Fact]
    public void Ipc_sysctls_are_refused_with_the_host_ipc_namespace() =>
        Assert.Equal(
            "sysctl kernel.msgmax=1 can't be set since IPC Namespace set to host: invalid argument",
            Refused(new SecurityFlags { Sysctls = ["kernel.msgmax=1"], Ipc = "host" }));

    [Fact]
    public void Options_accepted_without_selinux_or_apparmor_are_kept_for_inspect()
    {
        var settings = SecurityResolver.Resolve(
            new SecurityFlags { SecurityOpts = ["label=disable", "apparmor=unconfined", "no-new-privileges", "unmask=/proc/keys:/sys/firmware"] },
            "private");

        Assert.True(settings.NoNewPrivileges);
        Assert.Equal(["/proc/keys", "/sys/firmware"], settings.Unmask);
        Assert.Equal(4, settings.SecurityOpts.Count);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("private")]
    [InlineData("container:abc")]
    [InlineData("ns:/proc/1/ns/ipc")]
    public void Namespace_modes_parse(string mode) =>
        Assert.Equal(mode, SecurityResolver.Resolve(new SecurityFlags { Pid = mode }, "private").Pid);

    [Fact]
    public void Keep_groups_with_other_groups_is_refused() =>
        Assert.Equal(
            "the '--group-add keep-groups' option is not allowed with any other --group-add options",
            Refused(new SecurityFlags { GroupAdd = ["keep-groups", "10"] }));

    [Theory]
    [InlineData(null, 65536000L)]
    [InlineData("128m", 134217728L)]
    [InlineData("1g", 1073741824L)]
    public void Shm_size_is_read_as_podman_reads_it(string? value, long bytes) =>
        Assert.Equal(bytes, SecurityResolver.Resolve(new SecurityFlags { ShmSize = value }, "private").ShmSize);

    [Fact]
    public void A_bad_shm_size_fails_with_podmans_text() =>
        Assert.Equal(
            "unable to translate --shm-size: invalid size: 'bogus'",
            Refused(new SecurityFlags { ShmSize = "bogus" }));

    [Fact]
    public void Privileged_holds_the_callers_whole_bounding_set_whatever_is_dropped()
    {
        var settings = SecurityResolver.Resolve(
            new SecurityFlags { Privileged = true, CapDrop = ["net_raw"] }, "private");

        var caps = SecurityResolver.CapabilitiesFor(settings, ["CHOWN"]);

        Assert.Equal(Capabilities.CallerBounding(), caps);
    }

    private static string Refused(SecurityFlags flags) =>
        Assert.Throws<InvalidInputException>(() => SecurityResolver.Resolve(flags, "private")).Message;
}
