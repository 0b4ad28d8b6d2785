using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class InspectAndListTests : IClassFixture<RootfsFixture>
{
    private static readonly string[] InspectKeys =
    [
        "Id", "Created", "Path", "Args", "State", "Image", "ImageName", "Rootfs", "Pod",
        "ResolvConfPath", "HostnamePath", "HostsPath", "StaticDir", "OCIConfigPath", "OCIRuntime",
        "ConmonPidFile", "PidFile", "Name", "RestartCount", "Driver", "MountLabel", "ProcessLabel",
        "AppArmorProfile", "EffectiveCaps", "BoundingCaps", "ExecIDs", "GraphDriver", "Mounts",
        "Dependencies", "NetworkSettings", "Namespace", "IsInfra", "IsService", "Config", "HostConfig",
    ];

    private static readonly string[] PsKeys =
    [
        "AutoRemove", "Command", "Created", "CreatedAt", "Exited", "ExitedAt", "ExitCode", "Id",
        "Image", "ImageID", "IsInfra", "Labels", "Mounts", "Names", "Namespaces", "Networks", "Pid",
        "Pod", "PodName", "Ports", "Size", "StartedAt", "State", "Status",
    ];

    private readonly BusyboxRootfs _rootfs;

    public InspectAndListTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Fact]
    public async Task Inspect_and_ps_json_carry_podmans_keys_and_the_real_exit_code()
    {
        await using var harness = new ContainerHarness();
        await harness.Service.CreateAsync(
            new CreateContainerRequest { Rootfs = _rootfs.Root, Name = "seven", Command = ["sh", "-c", "exit 7"], Labels = ["a=b"] },
            CancellationToken.None);
        await harness.Service.StartAsync("seven", CancellationToken.None);
        await harness.Service.WaitAsync("seven", CancellationToken.None);

        var inspect = await harness.Service.InspectAsync("seven", CancellationToken.None);
        var ps = harness.Service.Summarize(Assert.Single(await harness.Service.ListAsync(all: true, CancellationToken.None)));

        Assert.All(InspectKeys, key => Assert.True(inspect.ContainsKey(key), key));
        Assert.All(PsKeys, key => Assert.True(ps.ContainsKey(key), key));
        Assert.Equal("exited", inspect["State"]!["Status"]!.GetValue<string>());
        Assert.Equal(7, inspect["State"]!["ExitCode"]!.GetValue<int>());
        Assert.Equal("sh", inspect["Path"]!.GetValue<string>());
        Assert.Equal("crun", inspect["OCIRuntime"]!.GetValue<string>());
        Assert.Equal(7, ps["ExitCode"]!.GetValue<int>());
        Assert.Equal("seven", ps["Names"]![0]!.GetValue<string>());
        Assert.Equal("b", ps["Labels"]!["a"]!.GetValue<string>());
        Assert.StartsWith("Exited (7) ", ps["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ps_without_all_lists_only_running_containers()
    {
        await using var harness = new ContainerHarness();
        await harness.Service.CreateAsync(
            new CreateContainerRequest { Rootfs = _rootfs.Root, Name = "idle", Command = ["true"] }, CancellationToken.None);
        await harness.Service.CreateAsync(
            new CreateContainerRequest { Rootfs = _rootfs.Root, Name = "up", Command = ["sleep", "300"] }, CancellationToken.None);
        await harness.Service.StartAsync("up", CancellationToken.None);

        var running = await harness.Service.ListAsync(all: false, CancellationToken.None);
        var all = await harness.Service.ListAsync(all: true, CancellationToken.None);

        Assert.Equal("up", Assert.Single(running).Name);
        Assert.Equal(2, all.Count);
        Assert.Equal("Created", ContainerService.StatusText(all.Single(c => c.Name == "idle")));
    }

    [Fact]
    public async Task Each_state_change_appends_an_event_with_podmans_status()
    {
        await using var harness = new ContainerHarness();
        var request = new CreateContainerRequest { Rootfs = _rootfs.Root, Name = "evented", Command = ["true"] };

        await harness.RunAsync(request);
        await harness.Service.RemoveAsync("evented", force: false, timeoutSeconds: null, CancellationToken.None);

        var statuses = harness.Events.Events.Where(e => e.Name == "evented").Select(e => e.Status).ToList();
        Assert.Equal(["create", "init", "start", "died", "cleanup", "remove"], statuses);
        Assert.Equal("0", harness.Events.Events.Single(e => e.Status == "died").Attributes["containerExitCode"]);
    }
}
