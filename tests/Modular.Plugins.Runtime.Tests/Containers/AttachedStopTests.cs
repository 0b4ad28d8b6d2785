using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class AttachedStopTests : IClassFixture<RootfsFixture>
{
    private readonly BusyboxRootfs _rootfs;

    public AttachedStopTests(RootfsFixture fixture) => _rootfs = fixture.Rootfs;

    [Theory]
    [InlineData("crun")]
    [InlineData("runc")]
    public async Task Stopping_an_attached_container_that_traps_TERM_ends_the_run_with_137(string runtime)
    {
        await using var harness = new ContainerHarness(runtime);
        var request = new CreateContainerRequest
        {
            Rootfs = _rootfs.Root,
            Name = "sig01",
            Command = ["sh", "-c", "trap 'echo got-TERM' TERM; echo READY; while :; do sleep 1; done"],
        };
        var created = await harness.Service.CreateAsync(request, CancellationToken.None);
        using var stdout = new SignalingStream("READY");
        var run = harness.Service.StartAttachedAsync(created.Id, stdout, Stream.Null, CancellationToken.None);
        await stdout.Seen.WaitAsync(TimeSpan.FromSeconds(30));

        await harness.Service.StopAsync("sig01", 2, CancellationToken.None);

        Assert.Equal(137, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("got-TERM", stdout.Text);
    }
}
