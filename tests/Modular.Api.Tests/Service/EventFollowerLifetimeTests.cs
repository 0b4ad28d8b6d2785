using System.Net.Sockets;
using System.Text;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>
/// An events follower ends with its client, so an idle timeout still expires and the
/// service's socket is removed on the way out (Issue #10, tester's report).
/// </summary>
public sealed class EventFollowerLifetimeTests : IAsyncLifetime
{
    private readonly ModpodFixture _modpod = new();

    private string Socket => Path.Combine(_modpod.Directory, "events.sock");

    public Task InitializeAsync() => _modpod.InitializeAsync();

    public Task DisposeAsync() => _modpod.DisposeAsync();

    [Fact]
    public async Task A_service_with_an_idle_timeout_exits_after_an_events_client_leaves()
    {
        var (pid, service) = _modpod.Start("system", "service", "-t", "2", "unix://" + Socket);
        try
        {
            Assert.True(await WaitForAsync(() => File.Exists(Socket), 15), "the service made no socket");
            using (await FollowEventsAsync(Socket))
            {
            }

            var finished = await Task.WhenAny(service, Task.Delay(TimeSpan.FromSeconds(30)));

            Assert.Same(service, finished);
            Assert.Equal(0, (await service).ExitCode);
            Assert.False(File.Exists(Socket));
        }
        finally
        {
            Stop(pid);
        }
    }

    [Fact]
    public async Task Sigterm_ends_a_service_with_an_events_client_attached()
    {
        var (pid, service) = _modpod.Start("system", "service", "-t", "0", "unix://" + Socket);
        try
        {
            Assert.True(await WaitForAsync(() => File.Exists(Socket), 15), "the service made no socket");
            using var client = await FollowEventsAsync(Socket);

            await SignalAsync(pid, "TERM");
            var finished = await Task.WhenAny(service, Task.Delay(TimeSpan.FromSeconds(20)));

            Assert.Same(service, finished);
            Assert.False(File.Exists(Socket));
        }
        finally
        {
            Stop(pid);
        }
    }

    [Fact]
    public async Task A_service_leaving_late_keeps_the_socket_a_newer_service_made()
    {
        var (oldPid, oldService) = _modpod.Start("system", "service", "-t", "0", "unix://" + Socket);
        var newPid = 0;
        try
        {
            Assert.True(await WaitForAsync(() => File.Exists(Socket), 15), "the service made no socket");
            File.Delete(Socket);
            Task<ModpodResult> newService;
            (newPid, newService) = _modpod.Start("system", "service", "-t", "0", "unix://" + Socket);
            Assert.True(await WaitForAsync(() => File.Exists(Socket), 15), "the second service made no socket");

            Assert.False(oldService.IsCompleted, oldService.IsCompleted ? (await oldService).ToString() : "");
            await SignalAsync(oldPid, "TERM");
            await oldService;

            Assert.True(File.Exists(Socket));
            using var client = await FollowEventsAsync(Socket);
        }
        finally
        {
            Stop(oldPid);
            if (newPid > 0)
            {
                Stop(newPid);
            }
        }
    }

    private static async Task<System.Net.Sockets.Socket> FollowEventsAsync(string socket)
    {
        var client = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(socket));
        await client.SendAsync(Encoding.ASCII.GetBytes("GET /v1.41/events HTTP/1.1\r\nHost: d\r\n\r\n"));
        Assert.True(await client.ReceiveAsync(new byte[1024]) > 0);
        return client;
    }

    private static Task SignalAsync(int pid, string signal) =>
        CliWrap.Cli.Wrap("kill").WithArguments(["-" + signal, pid.ToString()]).ExecuteAsync();

    private static void Stop(int pid)
    {
        try
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    // Polls for a state the service reaches on its own; a bounded wait, not a timing claim.
    private static async Task<bool> WaitForAsync(Func<bool> condition, int seconds)
    {
        for (var i = 0; i < seconds * 20 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }
}
