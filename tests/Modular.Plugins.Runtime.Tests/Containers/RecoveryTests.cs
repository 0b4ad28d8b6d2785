using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class RecoveryTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public RecoveryTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task After_a_simulated_reboot_a_running_container_shows_exited_and_starts_again(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        var created = await harness.Service.CreateAsync(Sleeper("rebooted"), CancellationToken.None);
        await harness.Service.StartAsync("rebooted", CancellationToken.None);
        KillConmonAndContainer(await harness.Service.InspectAsync("rebooted", CancellationToken.None));
        Directory.Delete(harness.Options.RunRoot, recursive: true);

        var afterBoot = new ContainerHarnessService(harness).Service;
        var listed = await afterBoot.ListAsync(all: true, CancellationToken.None);
        await afterBoot.StartAsync("rebooted", CancellationToken.None);

        Assert.Equal("exited", Assert.Single(listed).State);
        Assert.Equal("running", (await afterBoot.ResolveAsync("rebooted", CancellationToken.None)).State);
        await afterBoot.RemoveAsync("rebooted", force: true, timeoutSeconds: 0, CancellationToken.None);
        Assert.Empty(Leftovers.Find(harness, created.Id));
    }

    [Fact]
    public async Task A_container_whose_conmon_is_gone_is_cleaned_up_by_the_next_command()
    {
        await using var harness = new ContainerHarness();
        await harness.Service.CreateAsync(Sleeper("orphan"), CancellationToken.None);
        await harness.Service.StartAsync("orphan", CancellationToken.None);
        KillConmonAndContainer(await harness.Service.InspectAsync("orphan", CancellationToken.None));

        var info = await harness.Service.ResolveAsync("orphan", CancellationToken.None);

        Assert.Equal("exited", info.State);
        Assert.DoesNotContain(File.ReadLines("/proc/self/mountinfo"), line => line.Contains(info.Id));
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Rm_force_after_a_create_killed_before_recording_conmon_leaves_nothing(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        var created = await harness.Service.CreateAsync(Sleeper("half-made"), CancellationToken.None);
        await harness.Service.StartAsync("half-made", CancellationToken.None);

        // What a modpod killed between conmon's start and the state update leaves: a running
        // container and conmon, and a row that still says configured with no pids.
        var store = new Modular.Engine.State.ContainerStore(harness.Options.GraphRoot);
        await store.UpdateStateAsync(created.Id, new Modular.Engine.State.ContainerRuntimeState(), CancellationToken.None);
        await new ContainerHarnessService(harness).Service.RemoveAsync("half-made", force: true, timeoutSeconds: 0, CancellationToken.None);

        Assert.Empty(Leftovers.Find(harness, created.Id));
    }

    private CreateContainerRequest Sleeper(string name) =>
        new() { Rootfs = _rootfs.Root, Name = name, Command = ["sleep", "300"] };

    // Kills, by pid, only the two processes this test started, conmon first so it records nothing.
    private static void KillConmonAndContainer(System.Text.Json.Nodes.JsonObject inspect)
    {
        var state = inspect["State"]!;
        var conmon = state["ConmonPid"]!.GetValue<int>();
        var container = state["Pid"]!.GetValue<int>();
        Assert.True(conmon > 0 && container > 0);
        System.Diagnostics.Process.GetProcessById(conmon).Kill();
        System.Diagnostics.Process.GetProcessById(container).Kill();
        WaitUntilGone(conmon);
        WaitUntilGone(container);
    }

    private static void WaitUntilGone(int pid)
    {
        for (var i = 0; i < 200 && File.Exists($"/proc/{pid}/stat") && !IsZombie(pid); i++)
        {
            Thread.Sleep(25);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
