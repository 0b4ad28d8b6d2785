using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// checkpoint and restore with real containers, runc and crun, and the criu that
/// scripts/setup-criu builds: a counter loop's process state survives an export, a
/// removal and an import under a new name, in the same store and in a second one.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointRestoreTests
{
    [CheckpointFact(Runtime = "runc")]
    public Task With_runc_an_exported_counter_restored_under_a_new_name_goes_on_from_its_checkpoint() =>
        RoundTripAsync("runc");

    [CheckpointFact(Runtime = "crun")]
    public Task With_crun_an_exported_counter_restored_under_a_new_name_goes_on_from_its_checkpoint() =>
        RoundTripAsync("crun");

    [CheckpointFact(Runtime = "runc")]
    public async Task The_export_restores_into_a_second_store_once_the_image_is_loaded_there()
    {
        await using var first = await CheckpointStore.CreateAsync("runc");
        await first.RunCounterAsync("cp-move");
        var archive = first.Archive("cp-move.tar.gz");
        ModpodAssert.Exit(0, await first.Modpod.RunAsync("container", "checkpoint", "-e", archive, "cp-move"));
        var atCheckpoint = await CheckpointStore.CounterInArchiveAsync(archive);
        await using var second = await ModpodFixture.CreateAsync(new StoreOptions(Runtime: "runc"));

        var withoutImage = await second.RunAsync("container", "restore", "-i", archive);
        var emptyAfterFailure = await second.RunAsync("ps", "-a", "-q");
        await second.EnsureBusyboxAsync();
        var restore = await second.RunAsync("container", "restore", "-i", archive);
        var moved = CheckpointStore.Over(second);
        var counter = await moved.WaitForCounterAsync("cp-move", atCheckpoint);

        ModpodAssert.Exit(125, withoutImage);
        Assert.Single(withoutImage.ErrorLines);
        Assert.StartsWith("Error: image localhost/busybox:latest of the checkpoint is not in this store", withoutImage.StandardError);
        Assert.Equal("", emptyAfterFailure.Output);
        ModpodAssert.Exit(0, restore);
        Assert.Matches("^[0-9a-f]{64}$", restore.Output);
        Assert.True(counter >= atCheckpoint, $"counter {counter} restarted below its checkpoint value {atCheckpoint}");
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Leave_running_keeps_the_container_up_and_keep_leaves_the_checkpoint_files()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var id = await store.RunCounterAsync("cp-leave");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "-R", "-k", "cp-leave");
        var status = await store.Modpod.RunAsync("ps", "--filter", "name=cp-leave", "--format", "{{.Status}}");
        var before = await store.ReadCounterAsync("cp-leave");
        var after = await store.WaitForCounterAsync("cp-leave", before + 3);

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal("cp-leave", checkpoint.Output);
        Assert.StartsWith("Up ", status.Output);
        Assert.True(after > before);
        var directory = store.StaticDirectory(id);
        Assert.True(File.Exists(Path.Combine(directory, "checkpoint", "inventory.img")));
        Assert.True(File.Exists(Path.Combine(directory, "dump.log")));
        Assert.True(File.Exists(Path.Combine(directory, "config.dump")));
        Assert.True(File.Exists(Path.Combine(directory, "spec.dump")));
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task A_checkpointed_container_shows_exited_and_checkpointed_and_restores_in_place()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var id = await store.RunCounterAsync("cp-local");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "cp-local");
        var status = await store.Modpod.RunAsync("ps", "-a", "--filter", "name=cp-local", "--format", "{{.Status}}");
        var stopped = await InspectStateAsync(store.Modpod, "cp-local");
        var directory = store.StaticDirectory(id);
        var logKept = File.Exists(Path.Combine(directory, "dump.log"));
        var restore = await store.Modpod.RunAsync("container", "restore", "cp-local");
        var running = await InspectStateAsync(store.Modpod, "cp-local");
        var counter = await store.WaitForCounterAsync("cp-local", 5);
        var events = await store.Modpod.RunAsync(
            "events", "--stream=false", "--filter", "container=cp-local", "--format", "{{.Status}}");

        ModpodAssert.Exit(0, checkpoint);
        Assert.StartsWith("Exited ", status.Output);
        Assert.Equal("exited", (string?)stopped["Status"]);
        Assert.True((bool?)stopped["Checkpointed"]);
        Assert.Equal(Path.Combine(directory, "checkpoint"), (string?)stopped["CheckpointPath"]);
        Assert.False(logKept, "dump.log stays only with --keep");
        ModpodAssert.Exit(0, restore);
        Assert.Equal("cp-local", restore.Output);
        Assert.Equal("running", (string?)running["Status"]);
        Assert.True((bool?)running["Restored"]);
        Assert.Null(running["Checkpointed"]);
        Assert.True(counter >= 5);
        Assert.False(Directory.Exists(Path.Combine(directory, "checkpoint")), "the images go after a restore without --keep");
        Assert.Contains("checkpoint", events.Lines);
        Assert.Contains("restore", events.Lines);
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task A_checkpointed_container_is_not_brought_back_by_its_restart_policy()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var run = await store.Modpod.RunAsync(
            "run", "-d", "--name", "cp-always", "--restart", "always", "--network", "none",
            ModpodFixture.Busybox, "sh", "-c", CheckpointStore.CounterScript);
        await store.WaitForCounterAsync("cp-always", 3);

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "cp-always");
        await WaitForNoConmonAsync(store.Modpod);
        var status = await store.Modpod.RunAsync("ps", "-a", "--filter", "name=cp-always", "--format", "{{.Status}}");

        ModpodAssert.Exit(0, run);
        ModpodAssert.Exit(0, checkpoint);
        Assert.StartsWith("Exited (0) ", status.Output);
    }

    // conmon ends after its exit command (container cleanup) has run: then the policy has spoken.
    private static async Task WaitForNoConmonAsync(ModpodFixture modpod)
    {
        for (var i = 0; i < 150 && modpod.OwnConmonProcesses().Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(modpod.OwnConmonProcesses());
    }

    private static async Task RoundTripAsync(string runtime)
    {
        await using var store = await CheckpointStore.CreateAsync(runtime);
        await store.RunCounterAsync("cp-count");
        var archive = store.Archive("cp-count.tar.gz");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "--export", archive, "cp-count");
        var atCheckpoint = await CheckpointStore.CounterInArchiveAsync(archive);
        var names = await CheckpointStore.ArchiveTopNamesAsync(archive);
        var rm = await store.Modpod.RunAsync("rm", "cp-count");
        var restore = await store.Modpod.RunAsync("container", "restore", "--import", archive, "--name", "cp-counted");
        var counter = await store.WaitForCounterAsync("cp-counted", atCheckpoint);

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal("cp-count", checkpoint.Output);
        Assert.True(atCheckpoint >= 5, $"the archive's counter {atCheckpoint} was written before the loop ran");
        Assert.Equal(
            [
                "checkpoint", "config.dump", "deleted.files", "devshm-checkpoint.tar", "network.status",
                "rootfs-diff.tar", "spec.dump", "stats-dump",
            ],
            names.Order().ToList());
        ModpodAssert.Exit(0, rm);
        ModpodAssert.Exit(0, restore);
        Assert.True(counter >= atCheckpoint, $"counter {counter} restarted below its checkpoint value {atCheckpoint}");
        Assert.False(await store.Modpod.ContainerExistsAsync("cp-count"));
    }

    private static async Task<JsonObject> InspectStateAsync(ModpodFixture modpod, string name)
    {
        var inspect = await modpod.RunAsync("inspect", "--format", "{{json .State}}", name);
        return JsonNode.Parse(inspect.Output)!.AsObject();
    }
}
