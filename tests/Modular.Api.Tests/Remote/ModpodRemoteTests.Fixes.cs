using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Small remote fixes: missing-image errors and system df's container sizes.</summary>
public sealed partial class ModpodRemoteTests
{
    [Theory]
    [InlineData("image", "inspect")]
    [InlineData("inspect", "--type", "image")]
    [InlineData("rmi")]
    [InlineData("history")]
    public async Task A_missing_image_is_named_as_the_local_command_names_it(params string[] command)
    {
        await AssertSameFailureAsync([.. command, "localhost/rfix-no-such-image"]);
    }

    [Fact]
    public async Task Tag_and_save_of_a_missing_image_match_the_local_command()
    {
        await AssertSameFailureAsync("tag", "localhost/rfix-no-such-image", "localhost/rfix-other");
        await AssertSameFailureAsync(
            "save", "-o", Path.Combine(Store.Directory, "rfix-missing.tar"), "localhost/rfix-no-such-image");
    }

    [Fact]
    public async Task System_df_measures_the_rw_layer_of_a_container()
    {
        var run = await Store.RunAsync(
            "run", "--name", "rfix-df", "--network", "none", ModpodFixture.Busybox,
            "dd", "if=/dev/zero", "of=/megabyte", "bs=1024", "count=1024");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            var local = await Store.RunAsync("system", "df", "--format", "json");
            var rows = JsonNode.Parse(local.StandardOutput) as JsonArray ?? [];
            var containers = rows.Single(r => r?["Type"]?.ToString() == "Containers")!;
            Assert.True(containers["RawSize"]!.GetValue<long>() >= 1024 * 1024, local.StandardOutput);
            Assert.True(containers["RawReclaimable"]!.GetValue<long>() >= 1024 * 1024, local.StandardOutput);

            await AssertSameAsync("system", "df");
            var verbose = await RemoteAsync("system", "df", "-v");
            var row = verbose.StandardOutput.Split('\n').Single(l => l.EndsWith(" rfix-df", StringComparison.Ordinal));
            Assert.Matches(@"\s1\.\d+MB\s", row);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rfix-df");
        }
    }
}
