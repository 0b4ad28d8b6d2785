using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester finding 1: every prune command asks Podman's question without --force and
/// removes nothing unless the answer starts with y. The store is this class's own, so a "y"
/// cannot remove another test's objects.
/// </summary>
public sealed class PrunePromptTests(ModpodFixture modpod) : IClassFixture<ModpodFixture>
{
    private const string Question = "Are you sure you want to continue? [y/N] ";

    [Fact]
    public async Task Pod_prune_asks_first_and_removes_nothing_on_no()
    {
        var id = (await modpod.RunAsync("pod", "create", "--name", "prompted")).Output;
        try
        {
            var refused = await modpod.RunWithInputAsync("n\n", "pod", "prune");
            var empty = await modpod.RunWithInputAsync("", "pod", "prune");

            ModpodAssert.Exit(0, refused);
            Assert.Equal("WARNING! This will remove all stopped/exited pods..\n" + Question, refused.StandardOutput);
            Assert.Equal(Question, empty.StandardOutput.Split('\n')[1]);
            ModpodAssert.Exit(0, await modpod.RunAsync("pod", "exists", "prompted"));

            var accepted = await modpod.RunWithInputAsync("Y\n", "pod", "prune");

            ModpodAssert.Exit(0, accepted);
            Assert.Contains(id, accepted.StandardOutput);
            Assert.Equal(1, (await modpod.RunAsync("pod", "exists", "prompted")).ExitCode);
        }
        finally
        {
            await modpod.RunAsync("pod", "rm", "-f", "--ignore", "prompted");
        }
    }

    [Theory]
    [InlineData("container", "WARNING! This will remove all non running containers.")]
    [InlineData("network", "WARNING! This will remove all networks not used by at least one container.")]
    [InlineData("image", "WARNING! This command removes all dangling images.")]
    public async Task Every_prune_asks_Podmans_question_and_keeps_everything_on_no(string noun, string warning)
    {
        var result = await modpod.RunWithInputAsync("no\n", noun, "prune");

        ModpodAssert.Exit(0, result);
        Assert.Equal(warning + "\n" + Question, result.StandardOutput);
    }

    [Fact]
    public async Task Volume_prune_lists_the_unused_volumes_before_asking()
    {
        await modpod.RunAsync("volume", "create", "unused-one");
        try
        {
            var refused = await modpod.RunWithInputAsync("n\n", "volume", "prune", "--all");
            var anonymousOnly = await modpod.RunWithInputAsync("n\n", "volume", "prune");

            ModpodAssert.Exit(0, refused);
            Assert.Equal(
                "WARNING! This will remove all volumes not used by at least one container. "
                + "The following volumes will be removed:\nunused-one\n" + Question,
                refused.StandardOutput);
            Assert.DoesNotContain("unused-one", anonymousOnly.StandardOutput, StringComparison.Ordinal);
            ModpodAssert.Exit(0, await modpod.RunAsync("volume", "exists", "unused-one"));
        }
        finally
        {
            await modpod.RunAsync("volume", "rm", "-f", "unused-one");
        }
    }
}
