using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>Refusals of checkpoint and restore: one Podman-worded Error line, exit 125, store unchanged.</summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointErrorTests
{
    [CheckpointFact(Runtime = "runc", WithoutMemoryTracking = true)]
    public async Task Pre_checkpoint_without_memory_tracking_is_refused_and_the_container_runs_on()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        await store.RunCounterAsync("cp-pre");

        var pre = await store.Modpod.RunAsync("container", "checkpoint", "--pre-checkpoint", "cp-pre");
        var status = await store.Modpod.RunAsync("ps", "--filter", "name=cp-pre", "--format", "{{.Status}}");

        ModpodAssert.Exit(125, pre);
        Assert.Equal(
            ["Error: system (architecture/kernel/CRIU) does not support memory tracking"],
            pre.ErrorLines);
        Assert.StartsWith("Up ", status.Output);
    }

    [CheckpointFact(RuntimeWithoutVerb = "crun")]
    public async Task A_runtime_without_the_checkpoint_verb_is_refused_in_one_line_before_anything_runs()
    {
        await using var store = await CheckpointStore.CreateAsync("crun");
        var id = await store.RunCounterAsync("cp-crun");
        var before = await store.ReadCounterAsync("cp-crun");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "cp-crun");
        var restore = await store.Modpod.RunAsync("container", "restore", "cp-crun");
        var status = await store.Modpod.RunAsync("ps", "--filter", "name=cp-crun", "--format", "{{.Status}}");
        var events = await store.Modpod.RunAsync(
            "events", "--stream=false", "--filter", "container=cp-crun", "--format", "{{.Status}}");
        var counter = await store.WaitForCounterAsync("cp-crun", before + 3);

        ModpodAssert.Exit(125, checkpoint);
        Assert.Equal(["Error: configured runtime does not support checkpoint/restore"], checkpoint.ErrorLines);
        ModpodAssert.Exit(125, restore);
        Assert.Equal(["Error: configured runtime does not support checkpoint/restore"], restore.ErrorLines);
        Assert.StartsWith("Up ", status.Output);
        Assert.DoesNotContain("checkpoint", events.Output.Split('\n'));
        Assert.DoesNotContain("restore", events.Output.Split('\n'));
        // Refused before anything ran: no images directory, and the counter never paused.
        Assert.False(Directory.Exists(Path.Combine(store.StaticDirectory(id), "checkpoint")));
        Assert.True(counter >= before + 3, $"{counter} after {before}");
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Bad_inputs_fail_with_one_error_line_and_exit_125()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var modpod = store.Modpod;
        await modpod.RunAsync("create", "--name", "cp-idle", "--network", "none", ModpodFixture.Busybox, "true");
        var garbage = store.Archive("garbage.tar");
        await File.WriteAllTextAsync(garbage, "not a tar archive\n");
        var missing = store.Archive("absent.tar.gz");

        var cases = new (string[] Args, string Error)[]
        {
            (["container", "checkpoint", "cp-absent"],
                "Error: no container with name or ID \"cp-absent\" found: no such container"),
            (["container", "checkpoint", "cp-idle"],
                "Error: \"created\" is not running, cannot checkpoint: container state improper"),
            (["container", "checkpoint", "--ignore-rootfs", "cp-idle"],
                "Error: --ignore-rootfs can only be used with --export"),
            (["container", "checkpoint", "--compress", "lz4", "-e", garbage + ".out", "cp-idle"],
                "Error: selected compression algorithm (\"lz4\") not supported. Please select one from: gzip, none, zstd"),
            (["container", "restore", "cp-absent"],
                "Error: no container with name or ID \"cp-absent\" found: no such container"),
            (["container", "restore", "--name", "x", "cp-idle"], "Error: --name can only be used with --import"),
            (["container", "restore", "-i", missing],
                $"Error: failed to open checkpoint archive {missing} for import: open {missing}: no such file or directory"),
        };
        foreach (var (args, error) in cases)
        {
            var result = await modpod.RunAsync(args);

            ModpodAssert.Exit(125, result);
            Assert.Equal([error], result.ErrorLines);
        }

        var notCheckpointed = await modpod.RunAsync("container", "restore", "cp-idle");
        var badTar = await modpod.RunAsync("container", "restore", "-i", garbage);
        var all = await modpod.RunAsync("ps", "-a", "--format", "{{.Names}}");

        ModpodAssert.Exit(125, notCheckpointed);
        Assert.Single(notCheckpointed.ErrorLines);
        Assert.StartsWith(
            "Error: a complete checkpoint for this container cannot be found, cannot restore: ",
            notCheckpointed.StandardError);
        ModpodAssert.Exit(125, badTar);
        Assert.Single(badTar.ErrorLines);
        Assert.StartsWith($"Error: unpacking of checkpoint archive {garbage} failed: ", badTar.StandardError);
        Assert.Equal(["cp-idle"], all.Lines);
    }
}
