using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 7/8 tester findings 3, 4, 8 and 9: a never-started container commits, build's
/// intermediate images are hidden and not dangling, checkpoint --export refuses a bad path
/// before dumping, and inspect templates always see the checkpoint fields.
/// </summary>
[Collection(Collections.Containers)]
public sealed class CommitCheckpointFindingTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_created_container_commits_an_empty_layer()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"fix7-created-{Guid.NewGuid():N}"[..24];
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", name, "--network", "none", image, "true"));

            var commit = await modpod.RunAsync("commit", "-q", name, "localhost/fix7-created");

            ModpodAssert.Exit(0, commit);
            ModpodAssert.Exit(0, await modpod.RunAsync("image", "exists", "localhost/fix7-created"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "--ignore", name);
            await modpod.RunAsync("rmi", "-f", "localhost/fix7-created");
        }
    }

    [Fact]
    public async Task Intermediate_build_images_are_hidden_and_not_dangling()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN echo a > /a\nRUN echo b > /b\nCMD [\"sh\"]\n");

        var build = await modpod.RunAsync("build", "--no-cache", "--network", "none", "-t", "localhost/fix7-layers", work.Path);
        var id = build.Lines[^1];
        var listed = await modpod.RunAsync("images", "-q", "--no-trunc");
        var all = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        var dangling = await modpod.RunAsync("images", "-q", "--no-trunc", "--filter", "dangling=true");
        var parent = await modpod.RunAsync("inspect", "--format", "{{.Parent}}", id);

        ModpodAssert.Exit(0, build);
        var intermediates = all.Lines.Except(listed.Lines).ToList();
        Assert.NotEmpty(intermediates);
        Assert.Empty(intermediates.Intersect(dangling.Lines));
        Assert.Contains(parent.Output, intermediates.Select(i => i.Replace("sha256:", "")));
        await modpod.RunAsync("rmi", "-f", "localhost/fix7-layers");
    }

    [Fact]
    public async Task Inspect_templates_see_checkpoint_fields_of_a_plain_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"fix7-ckf-{Guid.NewGuid():N}"[..20];
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", name, "--network", "none", image, "true"));

            var result = await modpod.RunAsync("inspect", "--format",
                "{{.State.Checkpointed}}|{{.State.CheckpointPath}}|{{.State.CheckpointLog}}|{{.State.RestoreLog}}|{{.State.Restored}}",
                name);

            ModpodAssert.Exit(0, result);
            Assert.Equal("false||||false", result.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "--ignore", name);
        }
    }

    [Fact]
    public async Task Checkpoint_export_to_a_bad_path_fails_first_naming_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"fix7-exp-{Guid.NewGuid():N}"[..20];
        var directory = Directory.CreateTempSubdirectory("fix7-export-").FullName;
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--name", name, "--network", "none", image, "sleep", "600"));

            var toDirectory = await modpod.RunAsync("container", "checkpoint", "--export", directory, name);
            var noParent = await modpod.RunAsync("container", "checkpoint", "--export", "/nope-fix7/x.tar", name);
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", name);

            ModpodAssert.Exit(125, toDirectory);
            Assert.Equal($"Error: creating checkpoint export file \"{directory}\": open {directory}: is a directory",
                Assert.Single(toDirectory.ErrorLines));
            ModpodAssert.Exit(125, noParent);
            Assert.Equal("Error: creating checkpoint export file \"/nope-fix7/x.tar\": open /nope-fix7/x.tar: "
                + "no such file or directory", Assert.Single(noParent.ErrorLines));
            Assert.Equal("running", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
            Directory.Delete(directory, true);
        }
    }
}
