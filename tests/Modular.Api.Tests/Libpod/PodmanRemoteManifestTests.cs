using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 as a witness client of the /libpod/manifests routes and of
/// network connect/disconnect: what it does through modpod's socket shows in the store.
/// </summary>
public sealed class PodmanRemoteManifestTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task Manifest_create_add_inspect_exists_and_rm_work_through_the_service()
    {
        const string list = "localhost/rnv-podman-list:1";
        var create = await service.PodmanAsync("manifest", "create", list);
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = (await Store.RunAsync("image", "inspect", "--format", "{{.Id}}", list)).Output;
        Assert.Equal(id, create.Output);

        var add = await service.PodmanAsync("manifest", "add", list, ModpodFixture.Busybox);
        Assert.True(add.ExitCode == 0, add.ToString());
        var inspect = await service.PodmanAsync("manifest", "inspect", list);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        var local = await Store.RunAsync("manifest", "inspect", list);
        Assert.Equal(Digests(local.StandardOutput), Digests(inspect.StandardOutput));
        Assert.Single(Digests(inspect.StandardOutput));
        Assert.Equal(0, (await service.PodmanAsync("manifest", "exists", list)).ExitCode);

        var rm = await service.PodmanAsync("manifest", "rm", list);
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal(1, (await Store.RunAsync("manifest", "exists", list)).ExitCode);
        Assert.Equal(1, (await service.PodmanAsync("manifest", "exists", list)).ExitCode);
    }

    [Fact]
    public async Task Network_connect_and_disconnect_work_through_the_service()
    {
        const string networks = "{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{end}}";
        await Store.RunAsync("network", "create", "--subnet", "10.247.12.0/24", "rnv-pm-one");
        await Store.RunAsync("network", "create", "--subnet", "10.247.13.0/24", "rnv-pm-two");
        await Store.RunAsync("create", "--name", "rnv-pm-conn", "--network", "rnv-pm-one", ModpodFixture.Busybox);
        try
        {
            var connect = await service.PodmanAsync("network", "connect", "--alias", "rnv", "rnv-pm-two", "rnv-pm-conn");
            Assert.True(connect.ExitCode == 0, connect.ToString());
            Assert.Equal("rnv-pm-one rnv-pm-two", (await Store.RunAsync("inspect", "--format", networks, "rnv-pm-conn")).Output);

            var disconnect = await service.PodmanAsync("network", "disconnect", "rnv-pm-two", "rnv-pm-conn");
            Assert.True(disconnect.ExitCode == 0, disconnect.ToString());
            Assert.Equal("rnv-pm-one", (await Store.RunAsync("inspect", "--format", networks, "rnv-pm-conn")).Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rnv-pm-conn");
            await Store.RunAsync("network", "rm", "rnv-pm-one", "rnv-pm-two");
        }
    }

    private static List<string> Digests(string inspect)
    {
        using var json = JsonDocument.Parse(inspect);
        return [.. json.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("digest").GetString()!)];
    }
}
