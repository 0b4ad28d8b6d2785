using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// What an export carries besides the process: named volumes (volumes/NAME.tar), the private
/// /dev/shm (devshm-checkpoint.tar), written zstd-compressed by default as Podman's, and how
/// restore --import recreates them; the new pid and Up state after a restore.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointArchiveTests
{
    private const string DataScript =
        "echo kept > /data/f; echo shared > /dev/shm/s; " + CheckpointStore.CounterScript;

    [CheckpointFact(Runtime = "runc")]
    public async Task A_default_export_is_zstd_and_carries_volumes_and_shm_into_a_second_store()
    {
        await using var first = await CheckpointStore.CreateAsync("runc");
        await RunWithDataAsync(first, "cp-vol", "cp-data");
        var archive = first.Archive("cp-vol.tar.zst");

        var checkpoint = await first.Modpod.RunAsync("container", "checkpoint", "-e", archive, "cp-vol");
        var names = await CheckpointStore.ArchiveNamesAsync(archive);
        var atCheckpoint = await CheckpointStore.CounterInArchiveAsync(archive);
        await using var second = await ModpodFixture.CreateAsync(new StoreOptions(Runtime: "runc"));
        await second.EnsureBusyboxAsync();
        var restore = await second.RunAsync("container", "restore", "-i", archive, "--name", "cp-moved");
        var moved = CheckpointStore.Over(second);
        var counter = await moved.WaitForCounterAsync("cp-moved", atCheckpoint);
        var volumes = await second.RunAsync("volume", "ls", "--format", "{{.Name}}");
        var volumeFile = await second.RunAsync("exec", "cp-moved", "cat", "/data/f");
        var shmFile = await second.RunAsync("exec", "cp-moved", "cat", "/dev/shm/s");

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal(CheckpointStore.ZstdMagic, CheckpointStore.Magic(archive));
        Assert.Contains("volumes/cp-data.tar", names);
        Assert.Contains("devshm-checkpoint.tar", names);
        ModpodAssert.Exit(0, restore);
        Assert.True(counter >= atCheckpoint, $"counter {counter} restarted below {atCheckpoint}");
        Assert.Equal("cp-data", volumes.Output);
        Assert.Equal("kept", volumeFile.Output);
        Assert.Equal("shared", shmFile.Output);
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Import_refuses_an_existing_volume_unless_ignore_volumes_and_gzip_still_imports()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        await RunWithDataAsync(store, "cp-same", "cp-same-data");
        var archive = store.Archive("cp-same.tar.gz");
        var checkpoint = await store.Modpod.RunAsync(
            "container", "checkpoint", "--compress", "gzip", "-e", archive, "cp-same");

        var refused = await store.Modpod.RunAsync("container", "restore", "-i", archive, "--name", "cp-again");
        var afterRefusal = await store.Modpod.RunAsync("ps", "-a", "--format", "{{.Names}}");
        var rm = await store.Modpod.RunAsync("rm", "cp-same");
        var restore = await store.Modpod.RunAsync(
            "container", "restore", "-i", archive, "--name", "cp-again", "--ignore-volumes");
        var counter = await store.WaitForCounterAsync("cp-again", 5);
        var volumeFile = await store.Modpod.RunAsync("exec", "cp-again", "cat", "/data/f");

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal([0x1f, 0x8b], CheckpointStore.Magic(archive)[..2]);
        ModpodAssert.Exit(125, refused);
        Assert.Equal(
            ["Error: volume with name cp-same-data already exists. Use --ignore-volumes to not restore content of volumes"],
            refused.ErrorLines);
        Assert.Equal("cp-same", afterRefusal.Output);
        ModpodAssert.Exit(0, rm);
        ModpodAssert.Exit(0, restore);
        Assert.True(counter >= 5);
        Assert.Equal("kept", volumeFile.Output);
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task After_a_restore_inspect_shows_the_new_pid_and_ps_shows_up()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        await store.RunCounterAsync("cp-pid");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "cp-pid");
        var stopped = await StateAsync(store.Modpod, "cp-pid");
        var restore = await store.Modpod.RunAsync("container", "restore", "cp-pid");
        var running = await StateAsync(store.Modpod, "cp-pid");
        var status = await store.Modpod.RunAsync("ps", "--filter", "name=cp-pid", "--format", "{{.Status}}");

        ModpodAssert.Exit(0, checkpoint);
        Assert.Equal(0, (int?)stopped["Pid"]);
        ModpodAssert.Exit(0, restore);
        var pid = (int?)running["Pid"] ?? 0;
        Assert.True(pid > 0, "a restored container has a pid");
        Assert.True(Directory.Exists($"/proc/{pid}"), $"pid {pid} runs");
        Assert.StartsWith("Up ", status.Output);
    }

    // busybox has no flock applet to hold a lock with; this shows the flag reaches runc and
    // criu on both verbs (an unknown option would fail them) and the process survives.
    [CheckpointFact(Runtime = "runc")]
    public async Task File_locks_passes_through_checkpoint_and_restore()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        await store.RunCounterAsync("cp-lock");

        var checkpoint = await store.Modpod.RunAsync("container", "checkpoint", "--file-locks", "cp-lock");
        var atCheckpoint = await ArchivedCounterAsync(store, "cp-lock");
        var restore = await store.Modpod.RunAsync("container", "restore", "--file-locks", "cp-lock");
        var counter = await store.WaitForCounterAsync("cp-lock", atCheckpoint + 1);

        ModpodAssert.Exit(0, checkpoint);
        ModpodAssert.Exit(0, restore);
        Assert.True(counter > atCheckpoint);
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Import_only_flags_and_a_pod_for_a_non_pod_checkpoint_fail_in_one_line()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        await store.RunCounterAsync("cp-flags");
        var archive = store.Archive("cp-flags.tar");
        var pre = store.Archive("pre.tar");

        var previousWithoutImport = await store.Modpod.RunAsync("container", "restore", "--import-previous", pre, "cp-flags");
        var podWithoutImport = await store.Modpod.RunAsync("container", "restore", "--pod", "p", "cp-flags");
        await store.Modpod.RunAsync("container", "checkpoint", "-c", "none", "-e", archive, "cp-flags");
        var notInPod = await store.Modpod.RunAsync("container", "restore", "-i", archive, "--name", "x", "--pod", "p");

        Assert.Equal(["Error: --import-previous can only be used with --import"], previousWithoutImport.ErrorLines);
        Assert.Equal(["Error: --pod can only be used with --import"], podWithoutImport.ErrorLines);
        ModpodAssert.Exit(125, notInPod);
        Assert.Equal(["Error: cannot restore non pod container into pod"], notInPod.ErrorLines);
    }

    private static async Task RunWithDataAsync(CheckpointStore store, string name, string volume)
    {
        var run = await store.Modpod.RunAsync(
            "run", "-d", "--name", name, "--network", "none", "-v", volume + ":/data",
            ModpodFixture.Busybox, "sh", "-c", DataScript);
        ModpodAssert.Exit(0, run);
        await store.WaitForCounterAsync(name, 5);
    }

    // The counter as the stopped container's layer holds it.
    private static async Task<int> ArchivedCounterAsync(CheckpointStore store, string name)
    {
        var mount = await store.Modpod.RunAsync("mount", name);
        var value = await File.ReadAllTextAsync(Path.Combine(mount.Output, "tmp", "c"));
        await store.Modpod.RunAsync("umount", name);
        return int.Parse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonObject> StateAsync(ModpodFixture modpod, string name)
    {
        var inspect = await modpod.RunAsync("inspect", "--format", "{{json .State}}", name);
        return JsonNode.Parse(inspect.Output)!.AsObject();
    }
}
