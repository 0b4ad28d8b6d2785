using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class RunExitCodeTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public RunExitCodeTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Run_of_echo_prints_its_output_and_exits_0(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);

        var (code, stdout, _) = await harness.RunAsync(Request(["echo", "hello"]));

        Assert.Equal(0, code);
        Assert.Equal("hello\n", stdout);
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Run_exits_with_the_containers_own_code(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);

        var (code, _, stderr) = await harness.RunAsync(Request(["sh", "-c", "echo oops >&2; exit 3"]));

        Assert.Equal(3, code);
        Assert.Equal("oops\n", stderr);
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Run_of_a_directory_cannot_be_invoked(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);

        var error = await Assert.ThrowsAsync<CannotInvokeException>(() => harness.RunAsync(Request(["/etc"])));

        Assert.Contains("/etc", error.Message);
        Assert.EndsWith(": OCI permission denied", error.Message);
    }

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Run_of_a_missing_command_is_not_found(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);

        var error = await Assert.ThrowsAsync<CommandNotFoundException>(
            () => harness.RunAsync(Request(["/no/such/command"])));

        Assert.Contains("/no/such/command", error.Message);
        Assert.EndsWith(": OCI runtime attempted to invoke a command that was not found", error.Message);
    }

    private CreateContainerRequest Request(string[] command) =>
        new() { Rootfs = _rootfs.Root, Command = command };
}
