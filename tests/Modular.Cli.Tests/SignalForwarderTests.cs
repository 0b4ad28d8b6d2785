using System.Runtime.InteropServices;
using Modular.Cli.Hosting;

namespace Modular.Cli.Tests;

// Signals reach every handler in the process, so attached runs in CommandTests must not
// overlap this test: both classes share one collection and run one after the other.
[Collection("process signals")]
public sealed partial class SignalForwarderTests
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [Fact]
    public async Task A_signal_received_while_attached_goes_to_the_container()
    {
        var containers = new FakeContainerService();
        containers.Containers.Add(FakeContainerService.Info(new string('a', 64), "attached", "running", DateTimeOffset.UnixEpoch));
        using var forwarder = new SignalForwarder(containers, new string('a', 64), TextWriter.Null);

        // SIGUSR1 (10) would end this test process if the forwarder had not taken it over.
        Assert.Equal(0, kill(Environment.ProcessId, 10));
        var forwarded = await containers.Killed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("SIGUSR1", forwarded);
    }
}
