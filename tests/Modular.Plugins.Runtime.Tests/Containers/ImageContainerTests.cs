using Microsoft.Extensions.Logging.Abstractions;
using Modular.Engine.Containers;

namespace Modular.Plugins.Runtime.Tests.Containers;

public sealed class ImageContainerTests : IClassFixture<RootfsFixture>, IAsyncLifetime
{
    private readonly ContainerHarness _harness = new();
    private readonly FakeLayerStore _layers;
    private readonly ContainerService _service;

    public ImageContainerTests(RootfsFixture fixture)
    {
        _layers = new FakeLayerStore(Path.Combine(_harness.Directory, "layers"), fixture.Rootfs.Root);
        _service = new ContainerService(
            _harness.Options,
            new FakeRuntimeRegistry(),
            _harness.Events,
            NullLogger<ContainerService>.Instance,
            new ContainerServiceOptions("/bin/true"),
            _layers,
            new FakeImageService());
    }

    [Fact]
    public async Task The_image_entrypoint_and_cmd_run_in_its_working_directory()
    {
        var output = await RunAsync(new CreateContainerRequest { Image = "busybox" });

        Assert.Equal("from-entrypoint default-cmd\n", output);
    }

    [Fact]
    public async Task A_command_replaces_cmd_and_keeps_the_entrypoint()
    {
        var output = await RunAsync(new CreateContainerRequest { Image = "busybox", Command = ["given"] });

        Assert.Equal("from-entrypoint given\n", output);
    }

    [Fact]
    public async Task An_empty_entrypoint_removes_the_image_entrypoint()
    {
        var output = await RunAsync(new CreateContainerRequest
        {
            Image = "busybox",
            Entrypoint = "",
            Command = ["sh", "-c", "echo $FROM_IMAGE $(pwd)"],
        });

        Assert.Equal("yes /tmp\n", output);
    }

    [Fact]
    public async Task Rm_unmounts_and_removes_the_container_layer()
    {
        var created = await _service.CreateAsync(
            new CreateContainerRequest { Image = "busybox", Name = "layered", Command = ["true"] },
            CancellationToken.None);
        await _service.StartAsync("layered", CancellationToken.None);
        await _service.WaitAsync("layered", CancellationToken.None);

        await _service.RemoveAsync("layered", force: false, timeoutSeconds: null, CancellationToken.None);

        Assert.Equal($"create {FakeImageService.Image.TopLayerId}", _layers.Calls.First());
        Assert.Equal("remove", _layers.Calls.Last());
        Assert.Contains("unmount", _layers.Calls);
        Assert.False(Directory.Exists(_layers.PathOf(created.Id)));
        Assert.Empty(Leftovers.Find(_harness, created.Id));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime, not IAsyncDisposable, on test classes.
    public async Task DisposeAsync()
    {
        foreach (var container in await _service.ListAsync(all: true, CancellationToken.None))
        {
            await _service.RemoveAsync(container.Id, force: true, timeoutSeconds: 0, CancellationToken.None);
        }

        await _harness.DisposeAsync();
    }

    private async Task<string> RunAsync(CreateContainerRequest request)
    {
        var created = await _service.CreateAsync(request, CancellationToken.None);
        using var stdout = new MemoryStream();
        var code = await _service.StartAttachedAsync(created.Id, stdout, Stream.Null, CancellationToken.None);
        Assert.Equal(0, code);
        return System.Text.Encoding.UTF8.GetString(stdout.ToArray());
    }
}
