using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// checkpoint --create-image: an image holding the export's content with Podman's checkpoint
/// annotations, which <c>restore IMAGE</c> turns into a new running container.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointImageTests
{
    [CheckpointFact(Runtime = "runc")]
    public async Task A_checkpoint_image_carries_the_annotations_and_restores_as_a_new_container()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var modpod = store.Modpod;
        await store.RunCounterAsync("cp-src");

        var checkpoint = await modpod.RunAsync("container", "checkpoint", "--create-image", "cp-img", "cp-src");
        var inspect = await modpod.RunAsync("image", "inspect", "localhost/cp-img:latest");
        var notCheckpoint = await modpod.RunAsync("container", "restore", ModpodFixture.Busybox);
        var busyboxId = await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", ModpodFixture.Busybox);
        await modpod.RunAsync("rm", "cp-src");
        var restore = await modpod.RunAsync("container", "restore", "--name", "cp-from-image", "localhost/cp-img:latest");
        var counter = await store.WaitForCounterAsync("cp-from-image", 5);
        var status = await modpod.RunAsync("ps", "--filter", "name=cp-from-image", "--format", "{{.Status}}");

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal("cp-src", checkpoint.Output);
        ModpodAssert.Exit(0, inspect);
        var annotations = JsonNode.Parse(inspect.Output)![0]!["Annotations"]!.AsObject();
        Assert.Equal("cp-src", (string?)annotations["io.podman.annotations.checkpoint.name"]);
        Assert.Equal("runc", (string?)annotations["io.podman.annotations.checkpoint.runtime.name"]);
        Assert.Equal(ModpodFixture.Busybox, (string?)annotations["io.podman.annotations.checkpoint.rootfsImageName"]);
        Assert.Matches("^[0-9]{5,}$", (string?)annotations["io.podman.annotations.checkpoint.criu.version"]);
        ModpodAssert.Exit(125, notCheckpoint);
        Assert.Equal([$"Error: image is not a checkpoint: {busyboxId.Output}"], notCheckpoint.ErrorLines);
        ModpodAssert.Exit(0, restore);
        Assert.Matches("^[0-9a-f]{64}$", restore.Output);
        Assert.True(counter >= 5);
        Assert.StartsWith("Up ", status.Output);
    }
}
