using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// Podman 5.4's --health-log-destination, --health-max-log-count and --health-max-log-size:
/// inspect shows them, the log keeps that many results of that length, a directory holds
/// ID-healthcheck.log until the container is removed, and a bad destination is refused.
/// </summary>
[Collection(Collections.Containers)]
public sealed class HealthLogOptionsTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Inspect_shows_the_defaults_and_the_log_keeps_count_and_size()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "hl-plain", "--network", "none", image, "sleep", "300");
            await modpod.RunAsync(
                "run", "-d", "--name", "hl-small", "--network", "none", "--health-cmd", "echo 0123456789",
                "--health-interval", "disable", "--health-max-log-count", "1", "--health-max-log-size", "4",
                image, "sleep", "300");

            var plain = await ConfigAsync("hl-plain");
            await modpod.RunAsync("healthcheck", "run", "hl-small");
            await modpod.RunAsync("healthcheck", "run", "hl-small");
            var small = await ConfigAsync("hl-small");
            var log = JsonNode.Parse((await modpod.RunAsync("inspect", "--format", "{{json .State.Health.Log}}", "hl-small")).Output)!;

            Assert.Equal("local", plain["HealthLogDestination"]!.ToString());
            Assert.Equal(5, plain["HealthcheckMaxLogCount"]!.GetValue<int>());
            Assert.Equal(500, plain["HealthcheckMaxLogSize"]!.GetValue<int>());
            Assert.Equal(1, small["HealthcheckMaxLogCount"]!.GetValue<int>());
            Assert.Equal("0123", Assert.Single(log.AsArray())!["Output"]!.ToString());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hl-plain", "hl-small");
        }
    }

    [Fact]
    public async Task A_directory_destination_holds_the_log_until_rm_and_a_missing_one_is_refused()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var directory = Directory.CreateTempSubdirectory("modular-healthlog-").FullName;
        try
        {
            var id = (await modpod.RunAsync(
                "run", "-d", "--name", "hl-dir", "--network", "none", "--health-cmd", "true",
                "--health-interval", "disable", "--health-log-destination", directory, image, "sleep", "300")).Output;
            await modpod.RunAsync("healthcheck", "run", "hl-dir");
            var file = Path.Combine(directory, id + "-healthcheck.log");
            var written = File.Exists(file);
            await modpod.RunAsync("rm", "-f", "-t", "0", "hl-dir");
            var missing = await modpod.RunAsync(
                "create", "--name", "hl-bad", "--health-log-destination", directory + "/nonesuch", image, "true");

            Assert.True(written);
            Assert.False(File.Exists(file));
            ModpodAssert.Exit(125, missing);
            Assert.Equal(
                $"Error: HealthCheck Log '{directory}/nonesuch' destination error: stat {directory}/nonesuch: no such file or directory",
                missing.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hl-dir", "hl-bad");
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<JsonNode> ConfigAsync(string name) =>
        JsonNode.Parse((await modpod.RunAsync("inspect", "--format", "{{json .Config}}", name)).Output)!;
}
