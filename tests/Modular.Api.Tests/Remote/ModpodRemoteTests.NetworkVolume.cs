using System.Formats.Tar;
using System.Text;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// network connect, disconnect, prune, reload and volume export, import, inspect, exists,
/// prune and rm through the remote client. Networks use 10.247.x.0/24 of their own.
/// </summary>
public sealed partial class ModpodRemoteTests
{
    private const string NetworksOf =
        "{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{end}}";

    [Fact]
    public async Task Network_connect_and_disconnect_change_the_container_as_local()
    {
        await Store.RunAsync("network", "create", "--subnet", "10.247.7.0/24", "rnv-one");
        await Store.RunAsync("network", "create", "--subnet", "10.247.8.0/24", "rnv-two");
        await Store.RunAsync("create", "--name", "rnv-conn", "--network", "rnv-one", ModpodFixture.Busybox);
        try
        {
            var connect = await RemoteAsync(
                "network", "connect", "--alias", "rnv-alias", "--ip", "10.247.8.5", "rnv-two", "rnv-conn");
            Assert.True(connect.ExitCode == 0, connect.ToString());
            Assert.Equal("", connect.StandardOutput);
            Assert.Equal("rnv-one rnv-two", (await Store.RunAsync("inspect", "--format", NetworksOf, "rnv-conn")).Output);
            await AssertSameAsync("inspect", "--format", NetworksOf, "rnv-conn");

            var disconnect = await RemoteAsync("network", "disconnect", "rnv-two", "rnv-conn");
            Assert.True(disconnect.ExitCode == 0, disconnect.ToString());
            Assert.Equal("rnv-one", (await Store.RunAsync("inspect", "--format", NetworksOf, "rnv-conn")).Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "rnv-conn");
            await Store.RunAsync("network", "rm", "rnv-one", "rnv-two");
        }
    }

    [Fact]
    public async Task Network_connect_and_disconnect_fail_as_local_on_a_missing_container()
    {
        await AssertSameFailureAsync("network", "connect", "podman", "rnv-no-such-container");
        await AssertSameFailureAsync("network", "disconnect", "podman", "rnv-no-such-container");
        await AssertSameFailureAsync("network", "connect", "rnv-no-such-network", "rnv-no-such-container");
    }

    [Fact]
    public async Task Network_prune_removes_and_prints_what_local_prune_does()
    {
        string[] prune = ["network", "prune", "-f", "--filter", "label=rnv-prune=1"];
        await CreatePruneCandidatesAsync();
        var local = await Store.RunAsync(prune);
        await CreatePruneCandidatesAsync();
        var remote = await RemoteAsync(prune);

        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal(local.Lines.Order(), remote.Lines.Order());
        Assert.Equal(["rnv-prune-a", "rnv-prune-b"], remote.Lines.Order());
        Assert.Equal(0, (await Store.RunAsync("network", "exists", "rnv-prune-keep")).ExitCode);
        await Store.RunAsync("network", "rm", "rnv-prune-keep");
    }

    [Fact]
    public async Task Network_rm_force_removes_the_containers_on_it_first()
    {
        await Store.RunAsync("network", "create", "--subnet", "10.247.14.0/24", "rnv-rmf");
        await Store.RunAsync("create", "--name", "rnv-rmf-user", "--network", "rnv-rmf", ModpodFixture.Busybox);

        var rm = await RemoteAsync("network", "rm", "-f", "rnv-rmf");

        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("rnv-rmf", rm.Output);
        Assert.False(await Store.ContainerExistsAsync("rnv-rmf-user"));
        Assert.Equal(1, (await Store.RunAsync("network", "exists", "rnv-rmf")).ExitCode);
    }

    [Fact]
    public async Task Network_reload_is_refused_as_podman_remote_refuses_it()
    {
        var result = await RemoteAsync("network", "reload", "--all");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "Error: cannot use command \"modpod network reload\" with the remote modpod client",
            result.StandardError.Trim());
    }

    [Fact]
    public async Task Volume_export_writes_the_local_tar_to_a_client_file_and_stdout()
    {
        await Store.RunAsync("volume", "create", "rnv-export");
        var import = await Store.RunAsync("volume", "import", "rnv-export", await TarFileAsync("hello.txt", "hi"));
        Assert.True(import.ExitCode == 0, import.ToString());
        var file = Path.Combine(Store.Directory, "rnv-export-remote.tar");

        var export = await RemoteAsync("volume", "export", "-o", file, "rnv-export");
        var (stdout, bytes) = await Store.RunToBytesAsync(
            "--url", "unix://" + service.Socket, "volume", "export", "rnv-export");

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(stdout.ExitCode == 0, stdout.ToString());
        Assert.Equal("hi", ReadEntry(File.ReadAllBytes(file), "hello.txt"));
        Assert.Equal("hi", ReadEntry(bytes, "hello.txt"));
        await Store.RunAsync("volume", "rm", "rnv-export");
    }

    [Fact]
    public async Task Volume_import_unpacks_a_client_file_and_stdin_into_the_volume()
    {
        await Store.RunAsync("volume", "create", "rnv-import");
        var fromFile = await RemoteAsync("volume", "import", "rnv-import", await TarFileAsync("a.txt", "from file"));
        var fromStdin = await Store.RunWithInputAsync(
            File.ReadAllBytes(await TarFileAsync("b.txt", "from stdin")),
            "--url", "unix://" + service.Socket, "volume", "import", "rnv-import", "-");
        var (export, bytes) = await Store.RunToBytesAsync("volume", "export", "rnv-import");

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal("from file", ReadEntry(bytes, "a.txt"));
        Assert.Equal("from stdin", ReadEntry(bytes, "b.txt"));
        await Store.RunAsync("volume", "rm", "rnv-import");
    }

    [Fact]
    public async Task Volume_export_and_import_fail_as_local_on_a_missing_volume()
    {
        var tar = await TarFileAsync("x.txt", "x");
        await AssertSameFailureAsync("volume", "export", "-o", tar + ".out", "rnv-no-such-volume");
        await AssertSameFailureAsync("volume", "import", "rnv-no-such-volume", tar);
        await AssertSameFailureAsync("volume", "import", "rnv-no-such-volume", tar + ".missing");
    }

    [Fact]
    public async Task Volume_inspect_exists_prune_and_rm_force_match_the_local_commands()
    {
        await Store.RunAsync("volume", "create", "--label", "rnv=1", "rnv-vol");
        await AssertSameAsync("volume", "inspect", "--format", "{{.Name}} {{.Driver}} {{.Labels}}", "rnv-vol");
        Assert.Equal(0, (await RemoteAsync("volume", "exists", "rnv-vol")).ExitCode);
        Assert.Equal(1, (await RemoteAsync("volume", "exists", "rnv-no-such-volume")).ExitCode);
        await AssertSameFailureAsync("volume", "inspect", "rnv-no-such-volume");

        var prune = await RemoteAsync("volume", "prune", "-f", "--filter", "label=rnv=1");
        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Equal(["rnv-vol"], prune.Lines);

        await Store.RunAsync("volume", "create", "rnv-vol-used");
        await Store.RunAsync("create", "--name", "rnv-vol-user", "--network", "none", "-v", "rnv-vol-used:/data", ModpodFixture.Busybox);
        await AssertSameFailureAsync("volume", "rm", "rnv-vol-used");
        var rm = await RemoteAsync("volume", "rm", "--force", "rnv-vol-used");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("rnv-vol-used", rm.Output);
        Assert.False(await Store.ContainerExistsAsync("rnv-vol-user"));
    }

    private async Task CreatePruneCandidatesAsync()
    {
        await Store.RunAsync("network", "create", "--subnet", "10.247.9.0/24", "--label", "rnv-prune=1", "rnv-prune-a");
        await Store.RunAsync("network", "create", "--subnet", "10.247.10.0/24", "--label", "rnv-prune=1", "rnv-prune-b");
        await Store.RunAsync("network", "create", "--subnet", "10.247.11.0/24", "--ignore", "rnv-prune-keep");
    }

    private async Task<string> TarFileAsync(string name, string content)
    {
        var path = Path.Combine(Store.Directory, $"rnv-{Guid.NewGuid():N}.tar");
        await using (var file = File.Create(path))
        await using (var writer = new TarWriter(file, TarEntryFormat.Pax))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            await writer.WriteEntryAsync(entry);
        }

        return path;
    }

    private static string? ReadEntry(byte[] tar, string name)
    {
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name.TrimStart('.', '/') == name && entry.DataStream is { } data)
            {
                return new StreamReader(data).ReadToEnd();
            }
        }

        return null;
    }
}
