using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 9: as Podman 5.5+ (containers/podman#25789), the default infra runs
/// /catatonit -P from a rootfs directory and no image, so images lists nothing for pods
/// and rmi -af leaves pods and their infras alone; --infra-image still uses an image.
/// Its own store, because rmi -af empties it.
/// </summary>
public sealed class InfraRootfsTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task The_default_infra_uses_no_image_and_rmi_af_leaves_the_pod()
    {
        var image = await Modpod.EnsureBusyboxAsync();
        var pod = $"rootfs-{fixture.BridgePrefix}";
        var chosen = $"chosen-{fixture.BridgePrefix}";
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("create", "--pod", "new:" + pod, image, "true"));
            var infra = await InfraAsync(pod);

            var inspect = JsonNode.Parse((await Modpod.RunAsync("inspect", infra)).Output)![0]!;
            Assert.Equal("", (string?)inspect["Image"]);
            Assert.Equal("", (string?)inspect["ImageName"]);
            Assert.EndsWith("/infra-container", (string?)inspect["Rootfs"]);
            Assert.Equal("[\"/catatonit\",\"-P\"]", inspect["Config"]!["Entrypoint"]!.ToJsonString());
            Assert.Equal([image], (await Modpod.RunAsync("images", "--format", "{{.Repository}}:{{.Tag}}")).Lines);

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "start", pod));
            var ps = await Modpod.RunAsync("ps", "--filter", $"id={infra}", "--format", "{{.State}}|{{.Image}}");
            Assert.Equal("running|", ps.Output);

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", chosen, "--infra-image", image));
            var chosenInfra = await InfraAsync(chosen);
            Assert.Equal(image, (await Modpod.RunAsync("inspect", "--format", "{{.ImageName}}", chosenInfra)).Output);
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", chosen));

            var removed = await Modpod.RunAsync("rmi", "-af");

            ModpodAssert.Exit(0, removed);
            Assert.Equal($"Untagged: {image}", removed.Lines[0]);
            Assert.Equal("", (await Modpod.RunAsync("images", "--noheading")).Output);
            Assert.True(await Modpod.ContainerExistsAsync(infra));
            Assert.Equal(pod, (await Modpod.RunAsync("pod", "ps", "--noheading", "--format", "{{.Name}}")).Output);
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", chosen);
        }
    }

    private async Task<string> InfraAsync(string pod) =>
        (await Modpod.RunAsync("pod", "inspect", "--format", "{{.InfraContainerID}}", pod)).Output;
}
