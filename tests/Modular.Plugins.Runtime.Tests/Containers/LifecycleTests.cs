using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class LifecycleTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public LifecycleTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task A_detached_container_runs_under_conmon_with_its_short_id_as_hostname(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        var created = await harness.Service.CreateAsync(Sleeper("s1"), CancellationToken.None);

        await harness.Service.StartAsync("s1", CancellationToken.None);

        var info = await harness.Service.ResolveAsync("s1", CancellationToken.None);
        var inspect = await harness.Service.InspectAsync("s1", CancellationToken.None);
        Assert.Equal("running", info.State);
        Assert.Equal(created.Id[..12], File.ReadAllText($"/proc/{info.Pid}/root/etc/hostname").Trim());
        Assert.Equal(inspect["State"]!["ConmonPid"]!.GetValue<int>(), ParentOf(info.Pid!.Value));
        Assert.StartsWith("Up ", ContainerService.StatusText(info));
        Assert.Contains("\"status\": \"running\"", await RuntimeStateAsync(harness, runtime, created.Id));
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Stop_of_a_process_ignoring_TERM_kills_it_after_the_grace_period_with_137(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        await harness.Service.CreateAsync(Sleeper("stubborn"), CancellationToken.None);
        await harness.Service.StartAsync("stubborn", CancellationToken.None);

        var stopped = await harness.Service.StopAsync("stubborn", 2, CancellationToken.None);

        Assert.Equal("exited", stopped.State);
        Assert.Equal(137, stopped.ExitCode);
        Assert.Equal(137, await harness.Service.WaitAsync("stubborn", CancellationToken.None));
        Assert.Contains(harness.Events.Events, e => e.Status == "died" && e.Attributes["containerExitCode"] == "137");
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Rm_force_of_a_running_container_leaves_nothing_naming_it(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        var created = await harness.Service.CreateAsync(Sleeper("gone"), CancellationToken.None);
        await harness.Service.StartAsync("gone", CancellationToken.None);

        await harness.Service.RemoveAsync("gone", force: true, timeoutSeconds: 1, CancellationToken.None);

        Assert.Empty(Leftovers.Find(harness, created.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => harness.Service.ResolveAsync("gone", CancellationToken.None));
    }

    [Fact]
    public async Task Rm_without_force_of_a_running_container_is_refused()
    {
        await using var harness = new ContainerHarness();
        await harness.Service.CreateAsync(Sleeper("busy"), CancellationToken.None);
        await harness.Service.StartAsync("busy", CancellationToken.None);

        await Assert.ThrowsAsync<WrongStateException>(
            () => harness.Service.RemoveAsync("busy", force: false, timeoutSeconds: null, CancellationToken.None));

        Assert.Equal("running", (await harness.Service.ResolveAsync("busy", CancellationToken.None)).State);
    }

    [Fact]
    public async Task An_exited_detached_container_shows_its_exit_code_after_cleanup()
    {
        await using var harness = new ContainerHarness();
        var request = new CreateContainerRequest { Rootfs = _rootfs.Root, Name = "quitter", Command = ["sh", "-c", "exit 5"] };
        await harness.Service.CreateAsync(request, CancellationToken.None);
        await harness.Service.StartAsync("quitter", CancellationToken.None);

        var code = await harness.Service.WaitAsync("quitter", CancellationToken.None);

        var info = await harness.Service.ResolveAsync("quitter", CancellationToken.None);
        Assert.Equal(5, code);
        Assert.Equal("exited", info.State);
        Assert.StartsWith("Exited (5) ", ContainerService.StatusText(info));
        Assert.Contains("container cleanup", File.ReadAllText(harness.ExitCommandLog));
    }

    [Fact]
    public async Task An_unknown_name_or_id_gives_podmans_no_such_container_error()
    {
        await using var harness = new ContainerHarness();

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => harness.Service.ResolveAsync("nope", CancellationToken.None));

        Assert.Equal("no container with name or ID \"nope\" found: no such container", error.Message);
    }

    [Fact]
    public async Task Twenty_concurrent_creates_without_names_get_distinct_names()
    {
        await using var harness = new ContainerHarness();
        var request = new CreateContainerRequest { Rootfs = _rootfs.Root, Command = ["true"] };

        var created = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => new ContainerHarnessClient(harness).CreateAsync(request))));

        Assert.Equal(20, created.Select(info => info.Name).Distinct().Count());
        Assert.All(created, info => Assert.Matches("^[a-z]+_[a-z]+$", info.Name));
        Assert.Equal(20, created.Select(info => info.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_container_is_found_by_a_unique_id_prefix()
    {
        await using var harness = new ContainerHarness();
        var created = await harness.Service.CreateAsync(
            new CreateContainerRequest { Rootfs = _rootfs.Root, Command = ["true"] }, CancellationToken.None);

        var found = await harness.Service.ResolveAsync(created.Id[..8], CancellationToken.None);

        Assert.Equal(created.Id, found.Id);
        Assert.Equal("created", found.State);
    }

    private CreateContainerRequest Sleeper(string name) =>
        new() { Rootfs = _rootfs.Root, Name = name, Command = ["sleep", "300"] };

    // The runtime's own `state` verb, through the same executable conmon got (crun's wrapper here).
    private static async Task<string> RuntimeStateAsync(ContainerHarness harness, string runtime, string id)
    {
        var context = new Modular.Contracts.Runtime.OciRuntimeContext(
            Path.Combine(harness.Options.RunRoot, "runtime", runtime), "cgroupfs", [], harness.Options.HelperDirectory);
        var command = new FakeRuntimeRegistry().Get(runtime).Resolve(context);
        var result = await new RuntimeCommands(command).StateAsync(id, CancellationToken.None);
        return result.StandardOutput;
    }

    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }
}
