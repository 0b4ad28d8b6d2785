using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Matrix;

/// <summary>
/// The core of the backend matrix beyond the tagged suites: the store really uses the
/// cell's runtime, driver and network backend, and the everyday verbs work on them.
/// </summary>
[Collection(Collections.Containers)]
[Trait("Category", MatrixCell.Category)]
public sealed class MatrixCellTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Info_names_the_cells_runtime_storage_driver_and_network_backend()
    {
        var result = await modpod.RunAsync(
            "info", "--format",
            "{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}} {{.Host.NetworkBackend}}");

        var backend = MatrixCell.NetworkBackend ?? "netavark";
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{MatrixCell.Runtime} {MatrixCell.Driver} {backend}", result.Output);
    }

    [Fact]
    public async Task A_detached_container_logs_its_output_and_stop_then_rm_remove_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "mx-logs", image, "sh", "-c", "echo first; echo second; sleep 300");
            await modpod.RunAsync("wait", "--condition", "running", "mx-logs");

            var logs = await WaitForLogsAsync("mx-logs", "second");
            var stop = await modpod.RunAsync("stop", "-t", "1", "mx-logs");
            var rm = await modpod.RunAsync("rm", "mx-logs");

            Assert.Equal(["first", "second"], logs.Lines);
            Assert.Equal(0, stop.ExitCode);
            Assert.Equal(0, rm.ExitCode);
            Assert.False(await modpod.ContainerExistsAsync("mx-logs"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "mx-logs");
        }
    }

    [Fact]
    public async Task Run_rm_on_the_default_network_gets_an_address_and_leaves_no_container()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var result = await modpod.RunAsync(
            "run", "--rm", "--name", "mx-net", image, "sh", "-c", "ip -4 -o addr show eth0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inet ", result.Output);
        Assert.False(await modpod.ContainerExistsAsync("mx-net"));
    }

    // logs reads what conmon wrote; the container may not have printed yet.
    private async Task<ModpodResult> WaitForLogsAsync(string name, string last)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ModpodResult logs;
        while (!(logs = await modpod.RunAsync("logs", name)).Lines.Contains(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return logs;
    }
}
