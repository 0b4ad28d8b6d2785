using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>rename: any state, the old name free at once, Podman's refusals.</summary>
[Collection(Collections.Containers)]
public sealed class RenameTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Rename_frees_the_old_name_and_keeps_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("run", "-d", "--name", "rn-old", "--network", "none", image, "sleep", "600")).Output;

            var rename = await modpod.RunAsync("rename", "rn-old", "rn-new");
            var reuse = await modpod.RunAsync("create", "--name", "rn-old", "--network", "none", image, "true");

            ModpodAssert.Exit(0, rename);
            Assert.Equal("", rename.Output);
            Assert.Equal($"{id} running", (await modpod.RunAsync("inspect", "--format", "{{.Id}} {{.State.Status}}", "rn-new")).Output);
            ModpodAssert.Exit(0, reuse);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rn-old", "rn-new");
        }
    }

    [Fact]
    public async Task Rename_refuses_a_taken_name_a_bad_name_and_a_missing_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("create", "--name", "rn-a", "--network", "none", image, "true")).Output;
            await modpod.RunAsync("create", "--name", "rn-b", "--network", "none", image, "true");

            var taken = await modpod.RunAsync("rename", "rn-a", "rn-b");
            var bad = await modpod.RunAsync("rename", "rn-a", "bad name");
            var missing = await modpod.RunAsync("rename", "rn-missing", "x");
            var one = await modpod.RunAsync("rename", "rn-a");

            ModpodAssert.Exit(125, taken);
            Assert.Equal(
                $"Error: renaming container {id}: name rn-b already in use, cannot rename container {id}: container already exists",
                taken.StandardError.Trim());
            ModpodAssert.Exit(125, bad);
            Assert.Equal(
                "Error: container name \"bad name\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument",
                bad.StandardError.Trim());
            ModpodAssert.Exit(125, missing);
            Assert.Equal("Error: no container with name or ID \"rn-missing\" found: no such container", missing.StandardError.Trim());
            ModpodAssert.Exit(125, one);
            Assert.Equal("Error: accepts 2 arg(s), received 1", one.StandardError.Trim());
            Assert.True(await modpod.ContainerExistsAsync("rn-a"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "rn-a", "rn-b");
        }
    }
}
