using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class RunOptionsTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public RunOptionsTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Run_rm_removes_the_container_after_it_exits_and_leaves_nothing(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);

        var (code, stdout, _) = await harness.RunAsync(Request(["echo", "bye"]) with { Name = "ephemeral", AutoRemove = true });

        Assert.Equal(0, code);
        Assert.Equal("bye\n", stdout);
        await Assert.ThrowsAsync<NotFoundException>(() => harness.Service.ResolveAsync("ephemeral", CancellationToken.None));
        Assert.Empty(await harness.Service.ListAsync(all: true, CancellationToken.None));
    }

    [Fact]
    public async Task Log_driver_none_still_attaches_and_logs_nothing()
    {
        await using var harness = new ContainerHarness();

        var (code, stdout, _) = await harness.RunAsync(Request(["echo", "quiet"]) with { Name = "nolog", LogDriver = "none" });

        Assert.Equal(0, code);
        Assert.Equal("quiet\n", stdout);
        await Assert.ThrowsAsync<InvalidInputException>(async () =>
        {
            await foreach (var _ in harness.Service.ReadLogsAsync("nolog", new LogReadOptions(), CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task Default_ulimits_apply_clamped_to_what_the_caller_holds()
    {
        await using var harness = new ContainerHarness();

        var (_, stdout, _) = await harness.RunAsync(Request(["sh", "-c", "ulimit -Sn; ulimit -Hn; ulimit -Hu"]));

        var lines = stdout.Trim().Split('\n');
        Assert.Equal(["1024", "2048"], lines[..2]);
        Assert.True(ulong.Parse(lines[2]) <= 4194304);
    }

    [Fact]
    public async Task The_exit_command_gets_the_global_arguments_then_container_cleanup()
    {
        await using var harness = new ContainerHarness();

        var created = await harness.Service.CreateAsync(Request(["true"]), CancellationToken.None);
        await harness.Service.StartAsync(created.Id, CancellationToken.None);
        await harness.Service.WaitAsync(created.Id, CancellationToken.None);

        var logged = await WaitForFileAsync(harness.ExitCommandLog);
        Assert.Equal($"--root {harness.Options.GraphRoot} container cleanup {created.Id}", logged.Trim());
    }

    [Fact]
    public async Task Kill_sends_the_signal_to_the_main_process()
    {
        await using var harness = new ContainerHarness();
        await harness.Service.CreateAsync(Request(["sleep", "300"]) with { Name = "target" }, CancellationToken.None);
        await harness.Service.StartAsync("target", CancellationToken.None);

        await harness.Service.KillAsync("target", "KILL", CancellationToken.None);

        Assert.Equal(137, await harness.Service.WaitAsync("target", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidInputException>(() => harness.Service.KillAsync("target", "NOPE", CancellationToken.None));
    }

    private CreateContainerRequest Request(string[] command) =>
        new() { Rootfs = _rootfs.Root, Command = command };

    // conmon runs the exit command after writing the exit file, so it may lag behind wait.
    private static async Task<string> WaitForFileAsync(string path)
    {
        for (var i = 0; i < 100 && !File.Exists(path); i++)
        {
            await Task.Delay(50);
        }

        return File.ReadAllText(path);
    }
}
