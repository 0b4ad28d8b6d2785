using System.Globalization;
using Modular.EndToEnd.Checkpoint;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>
/// Remote <c>container checkpoint</c> and <c>restore</c>. The containers run with runc (Debian's
/// crun has no checkpoint verb); the facts skip where criu cannot work.
/// </summary>
public sealed partial class ModpodRemoteTests
{
    private const string Counter = "i=0; while :; do echo $i > /tmp/c; i=$((i+1)); sleep 0.1; done";

    [CheckpointFact(Runtime = "runc")]
    public async Task Checkpoint_and_restore_bring_the_container_back_with_its_state()
    {
        const string name = "remote-ckpt";
        try
        {
            await RunCounterAsync(name);
            var before = await ReadCounterAsync(name);

            var checkpoint = await RemoteAsync("container", "checkpoint", name);
            Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
            Assert.Equal(name, checkpoint.Output);
            Assert.Equal("exited", (await Store.RunAsync("inspect", "--format", "{{.State.Status}}", name)).Output);

            var restore = await RemoteAsync("container", "restore", name);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Equal(name, restore.Output);
            Assert.Equal("running", (await Store.RunAsync("inspect", "--format", "{{.State.Status}}", name)).Output);
            Assert.True(await ReadCounterAsync(name) >= before);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Checkpoint_export_writes_the_client_file_and_restore_import_uploads_it()
    {
        const string name = "remote-ckpt-export";
        const string restored = "remote-ckpt-imported";
        var directory = Directory.CreateTempSubdirectory("modpod-remote-ckpt-").FullName;
        var archive = Path.Combine(directory, "dump.tar.gz");
        try
        {
            await RunCounterAsync(name);

            var checkpoint = await RemoteAsync("container", "checkpoint", "--export", archive, name);
            Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
            Assert.Equal(name, checkpoint.Output);
            Assert.True(new FileInfo(archive).Length > 0);
            Assert.Equal(CheckpointStore.ZstdMagic, File.ReadAllBytes(archive)[..4]);

            var restore = await RemoteAsync("container", "restore", "--import", archive, "--name", restored);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var id = (await Store.RunAsync("inspect", "--format", "{{.Id}}", restored)).Output;
            Assert.Equal(id, restore.Output);
            Assert.Equal("running", (await Store.RunAsync("inspect", "--format", "{{.State.Status}}", restored)).Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", name, restored);
            Directory.Delete(directory, recursive: true);
        }
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Podman_remote_checkpoints_exports_and_imports_through_the_routes()
    {
        const string name = "remote-ckpt-podman";
        const string restored = "remote-ckpt-podman-imported";
        var directory = Directory.CreateTempSubdirectory("modpod-remote-ckpt-").FullName;
        var archive = Path.Combine(directory, "dump.tar.gz");
        try
        {
            await RunCounterAsync(name);

            var checkpoint = await service.PodmanAsync("container", "checkpoint", name);
            Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
            var restore = await service.PodmanAsync("container", "restore", name);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Equal("running", (await Store.RunAsync("inspect", "--format", "{{.State.Status}}", name)).Output);

            var export = await service.PodmanAsync("container", "checkpoint", "--export", archive, name);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.True(new FileInfo(archive).Length > 0);
            var import = await service.PodmanAsync("container", "restore", "--import", archive, "--name", restored);
            Assert.True(import.ExitCode == 0, import.ToString());
            Assert.Equal("running", (await Store.RunAsync("inspect", "--format", "{{.State.Status}}", restored)).Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", name, restored);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Checkpoint_and_restore_of_a_missing_container_fail_as_the_local_commands()
    {
        await AssertSameFailureAsync("container", "checkpoint", "remote-no-such-ckpt");
        await AssertSameFailureAsync("container", "restore", "remote-no-such-ckpt");
        await AssertSameFailureAsync(
            "container", "restore", "--import", "/nonexistent/remote-ckpt.tar.gz", "--name", "remote-ckpt-none");
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Raw_checkpoint_and_restore_answer_podmans_reports()
    {
        const string name = "remote-ckpt-raw";
        using var http = new Docker.UnixHttp(service.Socket);
        try
        {
            await RunCounterAsync(name);

            var (status, body) = await http.SendAsync(HttpMethod.Post, $"/v5.0.0/libpod/containers/{name}/checkpoint");
            Assert.True(status == 200, body?.ToJsonString());
            Assert.Equal(
                ["Id", "criu_statistics", "runtime_checkpoint_duration"],
                body!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

            (status, body) = await http.SendAsync(HttpMethod.Post, $"/libpod/containers/{name}/restore");
            Assert.True(status == 200, body?.ToJsonString());
            Assert.Equal(
                ["Id", "criu_statistics", "runtime_restore_duration"],
                body!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [CheckpointFact(Runtime = "runc")]
    public async Task Print_stats_prints_the_local_json_shape()
    {
        const string name = "remote-ckpt-stats";
        try
        {
            await RunCounterAsync(name);

            var checkpoint = await RemoteAsync("container", "checkpoint", "--print-stats", name);
            Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
            var stats = System.Text.Json.Nodes.JsonNode.Parse(checkpoint.StandardOutput)!;
            Assert.True(stats["podman_checkpoint_duration"]!.GetValue<long>() > 0);
            var container = stats["container_statistics"]![0]!;
            Assert.Equal(name, container["RawInput"]!.GetValue<string>());
            Assert.True(container["runtime_checkpoint_duration"]!.GetValue<long>() > 0);

            var restore = await RemoteAsync("container", "restore", "--print-stats", name);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var restored = System.Text.Json.Nodes.JsonNode.Parse(restore.StandardOutput)!;
            Assert.True(restored["container_statistics"]![0]!["runtime_restore_duration"]!.GetValue<long>() > 0);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [Fact]
    public async Task Raw_checkpoint_and_restore_of_a_missing_container_are_404()
    {
        using var http = new Docker.UnixHttp(service.Socket);

        var (checkpoint, _) = await http.SendAsync(HttpMethod.Post, "/v5.0.0/libpod/containers/remote-no-such-ckpt/checkpoint");
        var (restore, _) = await http.SendAsync(HttpMethod.Post, "/libpod/containers/remote-no-such-ckpt/restore");

        Assert.Equal(404, checkpoint);
        Assert.Equal(404, restore);
    }

    private async Task RunCounterAsync(string name)
    {
        var run = await Store.RunAsync(
            "run", "-d", "--runtime", "runc", "--name", name, "--network", "none",
            ModpodFixture.Busybox, "sh", "-c", Counter);
        Assert.True(run.ExitCode == 0, run.ToString());
        for (var i = 0; i < 100 && await ReadCounterAsync(name) < 5; i++)
        {
            await Task.Delay(100);
        }
    }

    private async Task<int> ReadCounterAsync(string name)
    {
        var exec = await Store.RunAsync("exec", name, "cat", "/tmp/c");
        return int.TryParse(exec.Output, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }
}
