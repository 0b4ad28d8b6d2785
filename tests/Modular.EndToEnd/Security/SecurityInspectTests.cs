using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>inspect shows the security settings a container was created with, as Podman does.</summary>
[Collection(Collections.Containers)]
public sealed class SecurityInspectTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Inspect_reports_capabilities_options_and_namespace_modes()
    {
        var image = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", "sec-inspect", "--cap-drop", "all",
            "--cap-add", "net_raw", "--security-opt", "no-new-privileges", "--read-only",
            "--pid", "host", "--uts", "host", image, "true"));
        try
        {
            var result = await modpod.RunAsync("inspect", "--format", "{{json .HostConfig}}", "sec-inspect");
            var host = JsonNode.Parse(result.Output)!;

            Assert.Equal(["CAP_NET_RAW"], Strings(host["CapAdd"]));
            Assert.Equal(11, Strings(host["CapDrop"]).Count);
            Assert.Equal(["no-new-privileges"], Strings(host["SecurityOpt"]));
            Assert.True(host["ReadonlyRootfs"]!.GetValue<bool>());
            Assert.False(host["Privileged"]!.GetValue<bool>());
            Assert.Equal("host", host["PidMode"]!.GetValue<string>());
            Assert.Equal("host", host["UTSMode"]!.GetValue<string>());
            Assert.Equal("shareable", host["IpcMode"]!.GetValue<string>());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "sec-inspect");
        }
    }

    [Fact]
    public async Task Privileged_sees_the_hosts_devices()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync("run", "--rm", "--privileged", image, "sh", "-c",
            "test -c /dev/fuse && echo devices");

        ModpodAssert.Exit(0, result);
        Assert.Equal("devices", result.Output);
    }

    private static List<string> Strings(JsonNode? array) =>
        array!.AsArray().Select(node => node!.GetValue<string>()).ToList();
}
