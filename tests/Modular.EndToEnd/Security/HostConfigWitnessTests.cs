using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Security;

/// <summary>
/// inspect's HostConfig Devices, Ulimits, Init, GroupAdd and ShmSize have the Podman
/// witness's shapes and values for the same flags. Both create from an empty --rootfs.
/// </summary>
[Collection(Collections.Containers)]
public sealed class HostConfigWitnessTests(ModpodFixture modpod, WitnessFixture witness)
    : IClassFixture<WitnessFixture>
{
    private static readonly string[] Keys = ["Devices", "GroupAdd", "Init", "ShmSize"];

    public static TheoryData<string, string[]> Flags => new()
    {
        { "hc-default", [] },
        {
            "hc-flags",
            ["--shm-size", "128m", "--device", "/dev/null:/dev/xnull:rw", "--ulimit", "nofile=100:200",
                "--init", "--group-add", "10", "--group-add", "audio"]
        },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public async Task Security_host_config_matches_the_witness(string name, string[] flags)
    {
        var rootfs = Directory.CreateDirectory(Path.Combine(modpod.Directory, "hc-rootfs")).FullName;
        var podman = await HostConfigAsync(witness.PodmanAsync, name, flags, rootfs);
        var ours = await HostConfigAsync(modpod.RunAsync, name, flags, rootfs);
        try
        {
            foreach (var key in Keys)
            {
                Assert.Equal(podman.ContainsKey(key), ours.ContainsKey(key));
                Assert.Equal(podman[key]?.ToJsonString(), ours[key]?.ToJsonString());
            }

            // Values of limits not asked for come from each engine's containers.conf.
            Assert.Equal(Limit(podman, "RLIMIT_NOFILE") is null, Limit(ours, "RLIMIT_NOFILE") is null);
            if (flags.Length > 0)
            {
                Assert.Equal(Limit(podman, "RLIMIT_NOFILE"), Limit(ours, "RLIMIT_NOFILE"));
            }
        }
        finally
        {
            await witness.PodmanAsync("rm", "-f", name);
            await modpod.RunAsync("rm", "-f", name);
        }
    }

    private static async Task<JsonObject> HostConfigAsync(
        Func<string[], Task<ModpodResult>> engine,
        string name,
        string[] flags,
        string rootfs)
    {
        ModpodAssert.Exit(0, await engine(["create", "--name", name, .. flags, "--rootfs", rootfs, "true"]));
        var result = await engine(["inspect", "--format", "{{json .HostConfig}}", name]);
        ModpodAssert.Exit(0, result);
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    private static string? Limit(JsonObject hostConfig, string name) =>
        hostConfig["Ulimits"]!.AsArray()
            .FirstOrDefault(limit => limit!["Name"]!.GetValue<string>() == name)?.ToJsonString();
}
