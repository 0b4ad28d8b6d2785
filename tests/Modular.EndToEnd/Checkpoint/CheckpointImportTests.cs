using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Checkpoint;

/// <summary>
/// restore --import options that change where the container lands: --publish with a host
/// port of 0 draws a free port, --pod moves a pod member's checkpoint into another pod.
/// </summary>
[Collection(CheckpointCollection.Name)]
public sealed class CheckpointImportTests
{
    [CheckpointFact(Runtime = "runc")]
    public async Task Publish_without_a_host_port_on_import_draws_a_free_port()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var modpod = store.Modpod;
        // Network definitions live in the host-wide network_config_dir: removed even on failure.
        var network = await modpod.RunAsync("network", "create", "--subnet", "10.237.7.0/24", "cp-net");
        try
        {
            await PublishRoundTripAsync(store, network);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-a", "-t", "0");
            await modpod.RunAsync("network", "rm", "-f", "cp-net");
        }
    }

    private static async Task PublishRoundTripAsync(CheckpointStore store, ModpodResult network)
    {
        var modpod = store.Modpod;
        var run = await modpod.RunAsync(
            "run", "-d", "--name", "cp-port", "--network", "cp-net", "-p", "80",
            ModpodFixture.Busybox, "sh", "-c", CheckpointStore.CounterScript);
        await store.WaitForCounterAsync("cp-port", 5);
        var archive = store.Archive("cp-port.tar");

        var checkpoint = await modpod.RunAsync("container", "checkpoint", "-e", archive, "cp-port");
        await modpod.RunAsync("rm", "cp-port");
        var restore = await modpod.RunAsync(
            "container", "restore", "-i", archive, "--name", "cp-port2", "--publish", "81");
        var counter = await store.WaitForCounterAsync("cp-port2", 5);
        var port = await modpod.RunAsync("port", "cp-port2");

        ModpodAssert.Exit(0, network);
        ModpodAssert.Exit(0, run);
        ModpodAssert.Exit(0, checkpoint);
        ModpodAssert.Exit(0, restore);
        Assert.True(counter >= 5);
        Assert.Matches(@"^81/tcp -> 0\.0\.0\.0:[1-9][0-9]*$", port.Output);
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task A_pod_member_restores_into_an_existing_pod_that_shares_its_namespaces()
    {
        await using var store = await CheckpointStore.CreateAsync("runc");
        var modpod = store.Modpod;
        await modpod.RunAsync("pod", "create", "--name", "cp-pod1");
        var run = await modpod.RunAsync(
            "run", "-d", "--pod", "cp-pod1", "--name", "cp-member",
            ModpodFixture.Busybox, "sh", "-c", CheckpointStore.CounterScript);
        await store.WaitForCounterAsync("cp-member", 5);
        var archive = store.Archive("cp-member.tar.zst");
        var checkpoint = await modpod.RunAsync("container", "checkpoint", "-e", archive, "cp-member");
        await modpod.RunAsync("pod", "create", "--name", "cp-ipc-only", "--share", "ipc");
        await modpod.RunAsync("pod", "create", "--name", "cp-pod2");

        var withoutPod = await modpod.RunAsync("container", "restore", "-i", archive, "--name", "cp-x");
        var narrowPod = await modpod.RunAsync("container", "restore", "-i", archive, "--name", "cp-x", "--pod", "cp-ipc-only");
        var restore = await modpod.RunAsync("container", "restore", "-i", archive, "--name", "cp-moved", "--pod", "cp-pod2");
        var counter = await store.WaitForCounterAsync("cp-moved", 5);
        var pod = await modpod.RunAsync("ps", "--filter", "name=cp-moved", "--format", "{{.PodName}} {{.Status}}");

        ModpodAssert.Exit(0, run);
        ModpodAssert.Exit(0, checkpoint);
        ModpodAssert.Exit(125, withoutPod);
        Assert.Equal(["Error: cannot restore pod container without --pod"], withoutPod.ErrorLines);
        ModpodAssert.Exit(125, narrowPod);
        Assert.Single(narrowPod.ErrorLines);
        Assert.Matches("^Error: pod [0-9a-f]{64} does not share the (UTS|network) namespace$", narrowPod.StandardError.Trim());
        ModpodAssert.Exit(0, restore);
        Assert.True(counter >= 5);
        Assert.StartsWith("cp-pod2 Up ", pod.Output);
    }
}
