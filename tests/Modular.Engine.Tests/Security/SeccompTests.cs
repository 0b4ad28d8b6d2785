using System.Text.Json.Nodes;
using Modular.Engine.Security;
using Xunit;

namespace Modular.Engine.Tests.Security;

public sealed class SeccompTests
{
    private const string InstalledProfile = "/usr/share/containers/seccomp.json";

    private static readonly string[] DefaultCaps =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
        "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT",
    ];

    [Fact]
    public void The_builtin_profile_gives_the_same_filter_as_containers_common_seccomp_json()
    {
        // Hosts without containers-common have nothing to compare with.
        if (!File.Exists(InstalledProfile))
        {
            return;
        }

        var installed = (JsonObject)JsonNode.Parse(File.ReadAllText(InstalledProfile))!;

        foreach (var caps in new[] { DefaultCaps, [], Capabilities.Known.ToArray() })
        {
            var fromFile = SeccompConverter.Convert(installed, caps);
            var builtin = SeccompConverter.Convert(BuiltinSeccompProfile.Create(), caps);

            Assert.Equal(fromFile.ToJsonString(), builtin.ToJsonString());
        }
    }

    [Fact]
    public void Rules_apply_only_where_their_capability_and_architecture_conditions_hold()
    {
        var spec = SeccompConverter.Convert(BuiltinSeccompProfile.Create(), DefaultCaps);
        var rules = spec["syscalls"]!.AsArray();

        bool Allowed(string name) => rules.Any(rule => rule!["action"]!.GetValue<string>() == "SCMP_ACT_ALLOW"
            && rule["names"]!.AsArray().Any(n => n!.GetValue<string>() == name));

        Assert.True(Allowed("chroot"));
        Assert.False(Allowed("acct"));
        Assert.False(Allowed("s390_runtime_instr"));
        Assert.Equal("38", spec["defaultErrnoRet"]!.ToJsonString());
        Assert.Equal("SCMP_ARCH_X86_64", spec["architectures"]![0]!.GetValue<string>());
    }
}
