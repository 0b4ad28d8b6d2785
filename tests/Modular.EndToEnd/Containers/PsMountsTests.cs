using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>ps --format json lists where the user's volumes and bind mounts are, as Podman does.</summary>
[Collection(Collections.Containers)]
public sealed class PsMountsTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Json_mounts_name_the_destinations_of_volumes_and_binds()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var host = Directory.CreateTempSubdirectory("ps-mounts-");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync(
                "create", "--name", "psm-one", "--network", "none", "-v", "psm-vol:/data",
                "-v", $"{host.FullName}:/host", image, "true"));

            var json = await modpod.RunAsync("ps", "-a", "--filter", "name=psm-one", "--format", "json");

            ModpodAssert.Exit(0, json);
            var mounts = JsonNode.Parse(json.Output)![0]!["Mounts"]!.AsArray()
                .Select(m => m!.GetValue<string>()).Order().ToList();
            Assert.Equal(["/data", "/host"], mounts);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "psm-one");
            await modpod.RunAsync("volume", "rm", "-f", "psm-vol");
            host.Delete(true);
        }
    }
}
